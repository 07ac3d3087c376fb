using System;

namespace MesLink
{
    /// <summary>
    /// A date-time parameter of a typed method or record: a <see cref="DateTime"/> or a
    /// <see cref="DateTimeOffset"/>, converted implicitly, so that both can be passed as they
    /// are. The one rule of every language: a value with an offset (a
    /// <see cref="DateTimeOffset"/>, a <see cref="DateTime"/> of kind Utc or Local) travels as
    /// ISO 8601 with that offset and the core converts it to the server's zone; a
    /// <see cref="DateTime"/> of kind Unspecified travels without one and is taken as the
    /// server's time already (like a naive Python <c>datetime</c>).
    /// </summary>
    public struct MesLinkDateTime : IEquatable<MesLinkDateTime>
    {
        private readonly string _wire;

        private MesLinkDateTime(string wire)
        {
            _wire = wire;
        }

        /// <summary>The value as the core takes it (ISO 8601, with the offset when it has one).</summary>
        public string Wire => _wire;

        public static implicit operator MesLinkDateTime(DateTime value) =>
            new MesLinkDateTime(MesLinkWire.DateTime(value));

        public static implicit operator MesLinkDateTime(DateTimeOffset value) =>
            new MesLinkDateTime(MesLinkWire.DateTime(value));

        public bool Equals(MesLinkDateTime other) => string.Equals(_wire, other._wire, StringComparison.Ordinal);

        public override bool Equals(object obj) => obj is MesLinkDateTime other && Equals(other);

        public override int GetHashCode() => _wire == null ? 0 : _wire.GetHashCode();

        public override string ToString() => _wire ?? "";
    }
}
