namespace MesLink
{
    /// <summary>
    /// The status codes of the C ABI (<c>MESLINK_*</c> in <c>meslink.h</c>): 0 success,
    /// positive values non-error states, negative values errors.
    /// </summary>
    public enum MesLinkStatus
    {
        Ok = 0,
        Pending = 1,
        NoEvent = 2,
        Closed = 3,
        InvalidArgument = -1,
        InvalidHandle = -2,
        BufferTooSmall = -3,
        Encoding = -4,
        NotImplemented = -5,
        Transport = -6,
        Timeout = -7,
        Auth = -8,
        Business = -9,
        Http = -10,
        Protocol = -11,
        ClosedWhileWaiting = -12,
        Cancelled = -13,
        Internal = -99,
    }
}
