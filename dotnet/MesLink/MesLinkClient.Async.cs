using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MesLink.Native;

namespace MesLink
{
    public sealed unsafe partial class MesLinkClient
    {
        /// <summary>
        /// <see cref="Call(string, string)"/> as a task: the call starts on meslink's own threads
        /// and the task completes when its answer is there, with no thread of yours (or of the
        /// thread pool) waiting for it. Cancelling <paramref name="cancellationToken"/> aborts the
        /// request (its connection is closed, the answer never read) and cancels the task.
        /// The id and the parameters are checked first: a refused call throws here, before any task.
        /// </summary>
        /// <exception cref="MesLinkException">The call was refused before it started.</exception>
        /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
        public Task<string> CallAsync(string callId, string paramsJson, CancellationToken cancellationToken = default(CancellationToken))
        {
            return Start(callId, paramsJson ?? "null", false, cancellationToken);
        }

        /// <summary><see cref="CallAsync(string, string, CancellationToken)"/> with the parameters as a dictionary.</summary>
        public Task<string> CallAsync(string callId, IDictionary<string, object> parameters, CancellationToken cancellationToken = default(CancellationToken))
        {
            return Start(callId, parameters == null ? "null" : MesLinkJson.Serialize(parameters), false, cancellationToken);
        }

        /// <summary>
        /// <see cref="CallTyped"/> as a task (what the generated <c>…Async</c> methods await); see
        /// <see cref="CallAsync(string, string, CancellationToken)"/>.
        /// </summary>
        public Task<string> CallTypedAsync(string callId, IDictionary<string, object> parameters, CancellationToken cancellationToken = default(CancellationToken))
        {
            return Start(callId, parameters == null ? "null" : MesLinkJson.Serialize(parameters), true, cancellationToken);
        }

        /// <summary>
        /// Cancels every call of this client in flight, from any thread: blocking calls on other
        /// threads throw <see cref="MesLinkCancelledException"/>, tasks of <c>…Async</c> calls
        /// fault with it. Calls made afterwards run as usual. Streams, transfers and the spool
        /// are not affected.
        /// </summary>
        public void CancelAll()
        {
            WithClient(client =>
            {
                NativeText.Check(NativeMethods.meslink_client_cancel_all(client));
                return 0;
            });
        }

        private Task<string> Start(string callId, string paramsJson, bool typed, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested) return MesLinkCompletions.Canceled(cancellationToken);
            byte[] id = NativeText.ToUtf8Z(callId, nameof(callId));
            byte[] prm = NativeText.ToUtf8Z(paramsJson, "parameters");
            int op = WithClient(client =>
            {
                int started = 0;
                fixed (byte* pId = id)
                fixed (byte* pPrm = prm)
                {
                    int rc = typed
                        ? NativeMethods.meslink_call_start_typed(client, pId, pPrm, &started)
                        : NativeMethods.meslink_call_start(client, pId, pPrm, &started);
                    NativeText.Check(rc);
                }
                return started;
            });
            return MesLinkCompletions.Watch(op, cancellationToken);
        }
    }

    /// <summary>
    /// Completes the tasks of started calls: one background thread per process reads the native
    /// completion queue (<c>meslink_op_queue_next</c>) and completes each call's task as its
    /// operation ends. Native threads never call into managed code.
    /// </summary>
    internal static unsafe class MesLinkCompletions
    {
        private sealed class Pending
        {
            internal TaskCompletionSource<string> Source;
            internal CancellationToken Token;
            internal CancellationTokenRegistration Registration;
        }

        private static readonly object Gate = new object();
        private static readonly Dictionary<int, Pending> Running = new Dictionary<int, Pending>();
        private static int _queue;
        private static Thread _reader;

        internal static Task<string> Canceled(CancellationToken token)
        {
            var source = new TaskCompletionSource<string>();
            source.TrySetCanceled(token);
            return source.Task;
        }

        internal static Task<string> Watch(int op, CancellationToken token)
        {
            var pending = new Pending
            {
                // Continuations never run on the reader thread.
                Source = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously),
                Token = token,
            };
            if (token.CanBeCanceled)
            {
                // meslink_op_cancel never blocks. Registered before the operation can end, so the
                // completion always disposes this registration before the handle is closed.
                pending.Registration = token.Register(() => NativeMethods.meslink_op_cancel(op));
            }
            int queue;
            lock (Gate)
            {
                queue = EnsureReader();
                Running[op] = pending;
            }
            int rc = NativeMethods.meslink_op_notify(op, queue);
            if (rc != NativeMethods.MESLINK_OK)
            {
                lock (Gate) Running.Remove(op);
                pending.Registration.Dispose();
                NativeMethods.meslink_op_close(op);
                throw NativeText.LastError(rc);
            }
            return pending.Source.Task;
        }

        private static int EnsureReader()
        {
            if (_reader != null) return _queue;
            int queue;
            NativeText.Check(NativeMethods.meslink_op_queue_open(&queue));
            _queue = queue;
            _reader = new Thread(ReadForever) { IsBackground = true, Name = "MesLink completions" };
            _reader.Start();
            return _queue;
        }

        private static void ReadForever()
        {
            int queue = _queue;
            while (true)
            {
                int op = 0;
                int rc = NativeMethods.meslink_op_queue_next(queue, 1000, &op);
                if (rc == NativeMethods.MESLINK_NO_EVENT) continue;
                if (rc != NativeMethods.MESLINK_OK) return;
                Pending pending;
                lock (Gate)
                {
                    if (!Running.TryGetValue(op, out pending)) continue;
                    Running.Remove(op);
                }
                Complete(op, pending);
            }
        }

        private static void Complete(int op, Pending pending)
        {
            pending.Registration.Dispose();
            try
            {
                string answer = NativeText.CallForAnswer((buf, cap, len) => NativeMethods.meslink_op_wait(op, 0, buf, cap, len));
                pending.Source.TrySetResult(answer);
            }
            catch (MesLinkCancelledException e)
            {
                if (pending.Token.IsCancellationRequested) pending.Source.TrySetCanceled(pending.Token);
                else pending.Source.TrySetException(e);
            }
            catch (Exception e)
            {
                pending.Source.TrySetException(e);
            }
            finally
            {
                NativeMethods.meslink_op_close(op);
            }
        }
    }
}
