using System;
using System.Collections.Generic;
using System.Threading;
using MesLink.Native;

namespace MesLink
{
    /// <summary>
    /// A connection to the factory servers: one native client (HTTP connection pool, cached
    /// login) behind a <see cref="MesLinkClientHandle"/>. Log-ins, token renewal and retries
    /// of transient failures happen inside the library.
    ///
    /// Thread-safe: any number of threads may call one client at once. <see cref="Dispose"/>
    /// may run while other threads are inside calls: those calls finish normally, the native
    /// client is closed when the last of them returns, and every later call throws
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <example><code>
    /// using (var mes = new MesLinkClient(configJson))
    /// {
    ///     SnDetail wo = mes.AteSnDetailGet("1037020031");
    ///     mes.AteSnDetailUpload("1037020031", "BAJ614KM901584Z");
    /// }
    /// </code></example>
    public sealed unsafe partial class MesLinkClient : IDisposable
    {
        private readonly MesLinkClientHandle _handle;

        /// <summary>
        /// 1 once Dispose ran. Kept apart from the handle's state because SafeHandle
        /// implementations differ: on Mono a handle disposed while a call holds a reference
        /// still reports IsClosed == false and accepts new references until that call returns.
        /// </summary>
        private int _disposed;

        /// <summary>
        /// Opens a client from its JSON configuration, e.g.
        /// <c>{"ate":{"base_url":"https://epms.example.com","emp_no":"ate","password":"..."},
        /// "grading":{"base_url":"http://mes.example.com:8080","datasource":"MES01"}}</c>.
        /// Nothing is sent yet: the first call logs in by itself. The native client is opened
        /// for UTF-8 (<c>meslink_client_open_ex</c>), so a process default of GB18030 set by
        /// other code in the process (LabVIEW on Chinese Windows) does not affect it.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="configJson"/> is null.</exception>
        /// <exception cref="MesLinkInvalidArgumentException">Malformed JSON, an unknown key, a bad URL or timeout.</exception>
        /// <exception cref="MesLinkNativeLibraryException">meslink.dll / libmeslink.so is missing or of the other bitness.</exception>
        public MesLinkClient(string configJson)
        {
            byte[] config = NativeText.ToUtf8Z(configJson, nameof(configJson));
            NativeLibraryCheck.EnsureLoaded();
            var handle = new MesLinkClientHandle();
            int id = 0;
            int rc;
            fixed (byte* p = config)
            {
                rc = NativeMethods.meslink_client_open_ex(p, NativeMethods.MESLINK_ENCODING_UTF8, &id);
                if (rc == NativeMethods.MESLINK_OK) handle.SetId(id);
            }
            if (rc != NativeMethods.MESLINK_OK)
            {
                handle.SetHandleAsInvalid();
                throw NativeText.LastError(rc);
            }
            _handle = handle;
        }

        /// <summary>The native handle (for advanced interop; do not close it yourself).</summary>
        public MesLinkClientHandle Handle => _handle;

        /// <summary>Whether <see cref="Dispose"/> has run.</summary>
        public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        /// <summary>The native library's version, e.g. "0.1.0".</summary>
        /// <exception cref="MesLinkNativeLibraryException">meslink.dll / libmeslink.so is missing or of the other bitness.</exception>
        public static string NativeVersion
        {
            get
            {
                NativeLibraryCheck.EnsureLoaded();
                return NativeText.FromUtf8Z(NativeMethods.meslink_version());
            }
        }

        /// <summary>The library's English name of a status code ("invalid handle").</summary>
        public static string StatusString(int status) => NativeText.StatusString(status);

        /// <summary>
        /// Closes the client. Calls already running on other threads finish first (the native
        /// close is deferred until they return); later calls throw
        /// <see cref="ObjectDisposedException"/>. Safe to call more than once.
        /// </summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _handle.Dispose();
        }

        // ---- the generic call -----------------------------------------------------------

        /// <summary>
        /// Calls any implemented call by its id (<c>ate.sn_detail.get</c>, <c>grading.save</c>,
        /// see CALLS.md) with its parameters as a JSON object (<c>{"work_order":"1037020031"}</c>;
        /// null or <c>{}</c> for none) and returns the server's JSON answer.
        /// </summary>
        /// <exception cref="MesLinkException">The call failed (a subclass says how).</exception>
        /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
        public string Call(string callId, string paramsJson)
        {
            return CallExport(Export.Call, callId, paramsJson ?? "null", nameof(paramsJson), 0);
        }

        /// <summary><see cref="Call(string, string)"/> with the parameters as a dictionary (values: strings, numbers, bools, null, nested lists and dictionaries).</summary>
        public string Call(string callId, IDictionary<string, object> parameters)
        {
            return Call(callId, parameters == null ? "null" : MesLinkJson.Serialize(parameters));
        }

        /// <summary>
        /// Every item of a paged list (the energy platform's <c>*.list</c> calls with
        /// <c>Per_Page_Counts</c> / <c>Page_Counts</c>), fetched page after page by the core until
        /// <c>Total_Numbers</c> items are in; answers them as one JSON array.
        /// <paramref name="paramsJson"/> holds the call's other filters.
        /// </summary>
        /// <exception cref="MesLinkException">The call failed (a subclass says how).</exception>
        public string CallAllPages(string callId, string paramsJson, int perPage = 100)
        {
            if (perPage < 1) throw new ArgumentOutOfRangeException(nameof(perPage), "perPage must be at least 1");
            return CallExport(Export.AllPages, callId, paramsJson ?? "null", nameof(paramsJson), (uint)perPage);
        }

        /// <summary>
        /// The typed answer of a call (<c>meslink_client_call_typed</c>): the call's model as
        /// JSON, normalised by the core, which the generated typed methods (<c>Generated/</c>:
        /// <see cref="AteSnDetailGet"/>, <see cref="GradingSave"/>, <c>Energy.Meters.Create</c>, ...)
        /// read their models from; null for a call that answers nothing.
        /// </summary>
        /// <exception cref="MesLinkException">The call failed (a subclass says how).</exception>
        /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
        public string CallTyped(string callId, IDictionary<string, object> parameters)
        {
            // The call id is refused before the parameters are written, as it always was.
            NativeText.CheckText(callId, nameof(callId));
            string prm = parameters == null ? "null" : MesLinkJson.Serialize(parameters);
            return CallExport(Export.Typed, callId, prm, nameof(parameters), 0);
        }

        // ---- plumbing -----------------------------------------------------------------------

        private enum Export { Call, AllPages, Typed }

        /// <summary>
        /// The blocking generic calls, without a delegate or an array allocated per call: the
        /// call id and parameters go to the native export from a per-thread buffer, the answer
        /// comes back through the per-thread answer buffer (<see cref="NativeText.CallForAnswer"/>'s
        /// rules), with the handle held as <see cref="WithClient{T}"/> holds it.
        /// </summary>
        private string CallExport(Export export, string callId, string paramsJson, string paramsName, uint perPage)
        {
            int prmAt;
            byte[] args = NativeText.Utf8ZPair(callId, nameof(callId), paramsJson, paramsName, out prmAt);
            bool added = false;
            try
            {
                AddCallRef(ref added);
                try
                {
                    int client = _handle.Id;
                    byte[] buf = NativeText.AnswerBuffer();
                    uint len = 0;
                    int rc;
                    fixed (byte* pArgs = args)
                    fixed (byte* p = buf)
                    {
                        byte* pPrm = pArgs + prmAt;
                        switch (export)
                        {
                            case Export.Call:
                                rc = NativeMethods.meslink_client_call(client, pArgs, pPrm, p, (uint)buf.Length, &len);
                                break;
                            case Export.AllPages:
                                rc = NativeMethods.meslink_client_call_all_pages(client, pArgs, pPrm, perPage, p, (uint)buf.Length, &len);
                                break;
                            default:
                                rc = NativeMethods.meslink_client_call_typed(client, pArgs, pPrm, p, (uint)buf.Length, &len);
                                break;
                        }
                        if (rc == NativeMethods.MESLINK_OK) return NativeText.FromUtf8(p, len);
                    }
                    if (rc != NativeMethods.MESLINK_E_BUFFER_TOO_SMALL) throw NativeText.LastError(rc);
                    return NativeText.FetchKept(len);
                }
                catch (MesLinkInvalidHandleException) when (IsDisposed || _handle.IsClosed)
                {
                    throw new ObjectDisposedException(nameof(MesLinkClient));
                }
            }
            finally
            {
                if (added) _handle.DangerousRelease();
            }
        }

        /// <summary>Takes the reference of <see cref="WithClient{T}"/> on the handle, or throws ObjectDisposedException.</summary>
        private void AddCallRef(ref bool added)
        {
            if (IsDisposed) throw new ObjectDisposedException(nameof(MesLinkClient));
            try
            {
                _handle.DangerousAddRef(ref added);
            }
            catch (ObjectDisposedException)
            {
                throw new ObjectDisposedException(nameof(MesLinkClient));
            }
            // Dispose may have run between the check and the reference.
            if (IsDisposed) throw new ObjectDisposedException(nameof(MesLinkClient));
        }

        private delegate int ClientExport(int client, byte* buf, uint cap, uint* outLen);

        /// <summary>Runs an export that writes an answer, with the handle held for the call.</summary>
        private string Answer(ClientExport export)
        {
            return WithClient(client => NativeText.CallForAnswer((buf, cap, len) => export(client, buf, cap, len)));
        }

        /// <summary>
        /// Runs <paramref name="body"/> with the native id while holding a reference on the
        /// handle, so that a concurrent Dispose cannot close the id under the call.
        /// </summary>
        private T WithClient<T>(Func<int, T> body)
        {
            bool added = false;
            try
            {
                AddCallRef(ref added);
                try
                {
                    return body(_handle.Id);
                }
                catch (MesLinkInvalidHandleException) when (IsDisposed || _handle.IsClosed)
                {
                    throw new ObjectDisposedException(nameof(MesLinkClient));
                }
            }
            finally
            {
                if (added) _handle.DangerousRelease();
            }
        }
    }
}
