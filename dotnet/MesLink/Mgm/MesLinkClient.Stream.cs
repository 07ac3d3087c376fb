using System;
using MesLink.Native;

namespace MesLink
{
    // The machine-tool IoT platform's live stream and file transfer (seed 003) as objects
    // over the native stream and transfer handles.
    public sealed unsafe partial class MesLinkClient
    {
        /// <summary>
        /// <c>mgm.realtime</c>: opens a live stream (connecting before it returns) with the
        /// default options and follows <paramref name="machineIds"/>. Needs an <c>mgm</c> section.
        /// </summary>
        /// <exception cref="MesLinkInvalidArgumentException">No <c>mgm</c> section, an empty machine id.</exception>
        /// <exception cref="MesLinkAuthException">The app key or secret was refused.</exception>
        /// <exception cref="MesLinkTransportException">The server could not be reached.</exception>
        /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
        public MesLinkStream OpenMgmStream(params string[] machineIds)
        {
            return OpenMgmStream(null, machineIds);
        }

        /// <summary>
        /// <c>mgm.realtime</c> with <paramref name="options"/> (null: the defaults): transport
        /// (SockJS framing by default, or the raw websocket), queue capacity and overflow policy,
        /// reconnect backoff. The stream lives on its own: disposing the client does not end it.
        /// </summary>
        public MesLinkStream OpenMgmStream(MgmStreamOptions options, params string[] machineIds)
        {
            byte[] json = options == null ? null : NativeText.ToUtf8Z(options.ToJson(), nameof(options));
            var handle = new MesLinkStreamHandle();
            int rc = WithClient(client =>
            {
                int id = 0;
                int status;
                fixed (byte* p = json)
                {
                    status = NativeMethods.meslink_stream_open(client, p, &id);
                    if (status == NativeMethods.MESLINK_OK) handle.SetId(id);
                }
                return status;
            });
            if (rc != NativeMethods.MESLINK_OK)
            {
                handle.SetHandleAsInvalid();
                throw NativeText.LastError(rc);
            }
            var stream = new MesLinkStream(handle);
            try
            {
                if (machineIds != null) stream.Subscribe(machineIds);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
            return stream;
        }

        /// <summary>
        /// <c>mgm.file_transfer</c>: checks <paramref name="request"/> (at most 50 MB, a file name
        /// of at most 180 ASCII or 60 CJK characters, storage type 0 or 1; nothing is sent when
        /// it fails) and starts sending the file in the background.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
        /// <exception cref="MesLinkInvalidArgumentException">A limit, a missing field, an unreadable file.</exception>
        /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
        public MesLinkTransfer StartMgmTransfer(MgmTransferRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            byte[] json = NativeText.ToUtf8Z(request.ToJson(), nameof(request));
            var handle = new MesLinkTransferHandle();
            int rc = WithClient(client =>
            {
                int id = 0;
                int status;
                fixed (byte* p = json)
                {
                    status = NativeMethods.meslink_transfer_start(client, p, &id);
                    if (status == NativeMethods.MESLINK_OK) handle.SetId(id);
                }
                return status;
            });
            if (rc != NativeMethods.MESLINK_OK)
            {
                handle.SetHandleAsInvalid();
                throw NativeText.LastError(rc);
            }
            return new MesLinkTransfer(handle);
        }
    }
}
