// Loads the MesLink wrapper from the unpacked package and reports what the native check
// says: "native <version>" (exit 0) or the MesLinkNativeLibraryException (exit 3).
using System;

internal static class NativeCheckProbe
{
    private static int Main()
    {
        try
        {
            Console.WriteLine("native " + MesLink.MesLinkClient.NativeVersion);
            return 0;
        }
        catch (MesLink.MesLinkNativeLibraryException e)
        {
            Console.WriteLine("library=" + e.LibraryName + " arch=" + e.ProcessArchitecture);
            Console.WriteLine(e.Message);
            return 3;
        }
    }
}
