using System;

namespace MesLink
{
    /// <summary><c>traceType</c> of <c>trace.query</c>: which way to trace.</summary>
    public enum TraceType
    {
        /// <summary>正向追溯: from a finished product to what it is made of and how it was made (<c>forward</c>).</summary>
        Forward,
        /// <summary>反向追溯: from a raw material to the products that used it (<c>reverse</c>).</summary>
        Reverse,
    }

    /// <summary>The wire values of <see cref="TraceType"/>.</summary>
    public static class TraceTypeExtensions
    {
        /// <summary><c>forward</c> or <c>reverse</c>, as the server expects.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="TraceType"/>.</exception>
        public static string ToWire(this TraceType type)
        {
            switch (type)
            {
                case TraceType.Forward: return "forward";
                case TraceType.Reverse: return "reverse";
                default: throw new ArgumentOutOfRangeException(nameof(type), type, "not a TraceType");
            }
        }
    }
}
