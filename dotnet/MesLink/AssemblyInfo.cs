using System.Runtime.CompilerServices;

// The tests drive internals (the answer buffer size, the JSON helpers).
[assembly: InternalsVisibleTo("MesLink.Tests")]
