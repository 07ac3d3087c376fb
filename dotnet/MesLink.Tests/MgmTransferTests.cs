using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using NUnit.Framework;

namespace MesLink.Tests
{
    [TestFixture]
    public class MgmTransferTests
    {
        private string _dir;
        private string _file;
        private byte[] _data;

        [SetUp]
        public void WriteAProgram()
        {
            _dir = Path.Combine(Path.GetTempPath(), "meslink-cs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dir);
            _data = new byte[1536 * 1024 + 123];
            new Random(7).NextBytes(_data);
            _file = Path.Combine(_dir, "cs-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".nc");
            File.WriteAllBytes(_file, _data);
        }

        [TearDown]
        public void RemoveIt()
        {
            Directory.Delete(_dir, true);
        }

        private MgmTransferRequest Request(string fileName = null)
        {
            return new MgmTransferRequest { Path = _file, CloudPath = "/nc", MachineId = MgmSim.Machines[0], FileName = fileName };
        }

        private static string Md5Hex(byte[] data)
        {
            using (var md5 = MD5.Create())
                return string.Concat(md5.ComputeHash(data).Select(b => b.ToString("x2")));
        }

        private static List<Dictionary<string, object>> ReceivedFiles()
        {
            return ((List<object>)MgmSim.State("transfer")["files"]).Cast<Dictionary<string, object>>().ToList();
        }

        [Test]
        public void CutHalfWayResumesAndTheMd5Matches()
        {
            MgmSim.Transfer("{\"fail_after_bytes\":" + (_data.Length / 2) + "}");
            var updates = new List<MgmTransferProgress>();
            var ended = new ManualResetEventSlim();
            using (var mes = MgmSim.Client())
            using (var transfer = mes.StartMgmTransfer(Request()))
            {
                transfer.ProgressChanged += (s, e) =>
                {
                    lock (updates) updates.Add(e.Progress);
                    if (e.Progress.Finished || e.Progress.Error != null) ended.Set();
                };
                MgmTransferProgress done = transfer.Wait(TimeSpan.FromSeconds(60));
                Assert.That(done, Is.Not.Null, "finished within 60 s");
                Assert.That(done.Finished, Is.True);
                Assert.That(done.Sent, Is.EqualTo(_data.Length));
                Assert.That(done.Total, Is.EqualTo(_data.Length));
                Assert.That(done.RequestId, Is.Not.Null.And.Not.Empty);
                Assert.That(transfer.Progress.Finished, Is.True);
                Assert.That(transfer.Progress.RequestId, Is.EqualTo(done.RequestId));
                Assert.That(ended.Wait(TimeSpan.FromSeconds(10)), Is.True, "ProgressChanged reports the end");
                lock (updates)
                {
                    Assert.That(updates.Last().Finished, Is.True);
                    Assert.That(updates.All(u => u.Error == null && u.Total == _data.Length), Is.True);
                }
            }
            var received = ReceivedFiles().Single(f => (string)f["file_name"] == Path.GetFileName(_file));
            Assert.That(received["md5"], Is.EqualTo(Md5Hex(_data)));
            Assert.That(received["size"], Is.EqualTo(_data.Length));
            var seeks = ((List<object>)received["seeks"]).Cast<long>().ToList();
            Assert.That(seeks[0], Is.EqualTo(0));
            Assert.That(seeks.Count, Is.GreaterThanOrEqualTo(2), "a second session resumed");
            Assert.That(seeks.Last(), Is.GreaterThan(0));
        }

        [Test]
        public void LimitsAreCheckedBeforeAnythingIsSent()
        {
            long sessions = (long)MgmSim.State("transfer")["sessions"];
            using (var mes = MgmSim.Client())
            {
                Assert.Throws<ArgumentNullException>(() => mes.StartMgmTransfer(null));
                var tooLong = Request(new string('a', 181));
                StringAssert.Contains("180", Assert.Throws<MesLinkInvalidArgumentException>(() => mes.StartMgmTransfer(tooLong)).Message);
                var cjk = Request(new string('程', 61));
                StringAssert.Contains("60", Assert.Throws<MesLinkInvalidArgumentException>(() => mes.StartMgmTransfer(cjk)).Message);
                var storage = Request();
                storage.StorageType = 2;
                StringAssert.Contains("storage_type", Assert.Throws<MesLinkInvalidArgumentException>(() => mes.StartMgmTransfer(storage)).Message);
                var missing = Request();
                missing.Path = Path.Combine(_dir, "missing.nc");
                Assert.Throws<MesLinkInvalidArgumentException>(() => mes.StartMgmTransfer(missing));
                string big = Path.Combine(_dir, "big.nc");
                using (var f = File.Create(big)) f.SetLength(50L * 1024 * 1024 + 1);
                var tooBig = Request();
                tooBig.Path = big;
                Assert.Throws<MesLinkInvalidArgumentException>(() => mes.StartMgmTransfer(tooBig));
            }
            Assert.That((long)MgmSim.State("transfer")["sessions"], Is.EqualTo(sessions));
        }

        [Test]
        public void ARefusalIsTyped()
        {
            MgmSim.Transfer("{\"fail_with_code\":712}");
            using (var mes = MgmSim.Client())
            using (var transfer = mes.StartMgmTransfer(Request()))
            {
                var e = Assert.Throws<MesLinkBusinessException>(() => transfer.Wait(TimeSpan.FromSeconds(60)));
                Assert.That(e.ServerCode, Is.EqualTo("712"));
                Assert.That(e.ServerMessage, Is.EqualTo("没有足够的存储空间"));
                Assert.That(e.CallId, Is.EqualTo("mgm.file_transfer"));
                var p = transfer.Progress;
                Assert.That(p.Finished, Is.False);
                Assert.That(p.Error, Is.InstanceOf<MesLinkBusinessException>());
            }
        }

        [Test]
        public void CancelAndDispose()
        {
            using (var mes = MgmSim.Client())
            {
                var transfer = mes.StartMgmTransfer(Request("cancelled.nc"));
                transfer.Cancel();
                Assert.Throws<MesLinkClosedException>(() => transfer.Wait(TimeSpan.FromSeconds(10)));
                transfer.Dispose();
                transfer.Dispose();
                Assert.Throws<ObjectDisposedException>(() => transfer.Wait(TimeSpan.Zero));
                Assert.Throws<ObjectDisposedException>(() => transfer.Cancel());
                Assert.Throws<ObjectDisposedException>(() => { var p = transfer.Progress; });
            }
        }
    }
}
