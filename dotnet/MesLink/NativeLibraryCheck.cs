// Loading the native library, with an error that says what is wrong.
//
// A P/Invoke into a missing or wrong-bitness meslink.dll fails with a DllNotFoundException
// or BadImageFormatException that names neither the file nor the process's bitness: the
// classic "works on my x64 PC, fails in 32-bit TestStand/LabVIEW". EnsureLoaded, called
// before the first native call of the public entry points, turns that into a
// MesLinkNativeLibraryException naming the file, the process architecture and where the
// file is looked for.
//
// On Windows it also resolves the NuGet layout by itself: when
// runtimes\win-<arch>\native\meslink.dll sits under the application's or this assembly's
// folder (a .NET Framework project, see packaging/nuget/MesLink.targets; a .NET 8 build
// output), the one of this process's architecture is loaded by its full path first, so
// DllImport("meslink") finds it already loaded. The native DLL cannot sit beside this
// assembly on Windows: meslink.dll and MesLink.dll are the same name there.

using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Serialization;
using MesLink.Native;

namespace MesLink
{
    /// <summary>
    /// The native meslink library could not be loaded: missing, of the other bitness
    /// (a 64-bit DLL in a 32-bit process or the reverse), or too old for this wrapper.
    /// The message names the file and the process architecture.
    /// </summary>
    [Serializable]
    public sealed class MesLinkNativeLibraryException : DllNotFoundException
    {
        /// <summary>The native file looked for: meslink.dll or libmeslink.so.</summary>
        public string LibraryName { get; }

        /// <summary>The architecture of this process: x86, x64 or arm64.</summary>
        public string ProcessArchitecture { get; }

        internal MesLinkNativeLibraryException(string libraryName, string architecture,
            string message, Exception inner)
            : base(message, inner)
        {
            LibraryName = libraryName;
            ProcessArchitecture = architecture;
        }

        private MesLinkNativeLibraryException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            LibraryName = info.GetString(nameof(LibraryName));
            ProcessArchitecture = info.GetString(nameof(ProcessArchitecture));
        }

        /// <inheritdoc />
        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue(nameof(LibraryName), LibraryName);
            info.AddValue(nameof(ProcessArchitecture), ProcessArchitecture);
        }
    }

    internal static class NativeLibraryCheck
    {
        private static volatile bool _loaded;
        private static readonly object Gate = new object();

        private static bool IsWindows => Path.DirectorySeparatorChar == '\\';

        /// <summary>meslink.dll on Windows, libmeslink.so elsewhere.</summary>
        internal static string LibraryFileName => IsWindows ? "meslink.dll" : "libmeslink.so";

        /// <summary>x86, x64 or arm64: what a native library must be built for.</summary>
        internal static string ProcessArchitecture
        {
            get
            {
                // Windows sets PROCESSOR_ARCHITECTURE per process (x86 in a 32-bit process
                // on 64-bit Windows); elsewhere the pointer size tells x86 from x64.
                string env = IsWindows ? Environment.GetEnvironmentVariable("PROCESSOR_ARCHITECTURE") : null;
                if (string.Equals(env, "ARM64", StringComparison.OrdinalIgnoreCase)) return "arm64";
                return Environment.Is64BitProcess ? "x64" : "x86";
            }
        }

        /// <summary>Throws <see cref="MesLinkNativeLibraryException"/> if the library does not load.</summary>
        internal static unsafe void EnsureLoaded()
        {
            if (_loaded) return;
            lock (Gate)
            {
                if (_loaded) return;
                if (IsWindows) PreloadFromRuntimesFolder();
                try
                {
                    NativeMethods.meslink_version();
                }
                catch (DllNotFoundException e)
                {
                    throw Failure("was not found", e);
                }
                catch (BadImageFormatException e)
                {
                    throw Failure("is not built for this process's architecture", e);
                }
                catch (EntryPointNotFoundException e)
                {
                    throw Failure("is older than this wrapper (an export is missing)", e);
                }
                _loaded = true;
            }
        }

        private static MesLinkNativeLibraryException Failure(string what, Exception inner)
        {
            string arch = ProcessArchitecture;
            string rid = (IsWindows ? "win-" : "linux-") + arch;
            string message =
                $"meslink: the native library {LibraryFileName} {what}; this process is {arch} " +
                $"({(Environment.Is64BitProcess ? "64" : "32")}-bit), so it needs the {rid} build of " +
                $"{LibraryFileName} beside the application or in runtimes/{rid}/native/ under it " +
                $"(the MesLink NuGet package ships it there). Looked in: {string.Join("; ", SearchDirectories())}. " +
                $"Loader: {inner.Message}";
            return new MesLinkNativeLibraryException(LibraryFileName, arch, message, inner);
        }

        private static string[] SearchDirectories()
        {
            string app = AppDomain.CurrentDomain.BaseDirectory ?? "";
            string own = "";
            try
            {
                own = Path.GetDirectoryName(typeof(NativeLibraryCheck).Assembly.Location) ?? "";
            }
            catch (NotSupportedException)
            {
                // a dynamic or in-memory assembly has no location
            }
            return string.IsNullOrEmpty(own) || PathsEqual(own, app) ? new[] { app } : new[] { app, own };
        }

        private static bool PathsEqual(string a, string b) =>
            string.Equals(Path.GetFullPath(a).TrimEnd('\\', '/'), Path.GetFullPath(b).TrimEnd('\\', '/'),
                StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// runtimes\win-arch\native\meslink.dll under the application's or this assembly's
        /// folder: load it by its full path (else the DllImport searches as usual).
        /// </summary>
        private static void PreloadFromRuntimesFolder()
        {
            foreach (string dir in SearchDirectories())
            {
                string candidate = Path.Combine(dir, "runtimes", "win-" + ProcessArchitecture, "native", LibraryFileName);
                if (File.Exists(candidate) && LoadLibraryW(candidate) != IntPtr.Zero) return;
            }
        }

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
