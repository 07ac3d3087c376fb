/*
 * TEST-ONLY stand-in for bcryptprimitives.dll under Wine 8. NEVER SHIPPED.
 *
 * Rust's standard library (1.78 and later) draws its random numbers (HashMap seeds, ...)
 * from ProcessPrng in bcryptprimitives.dll, which every supported Windows has but Wine 8
 * lacks; without it meslink.dll does not load under Wine. bindings/windows/run-tests.sh
 * builds this DLL and puts it beside the test executables only. It implements ProcessPrng
 * with RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 */
#include <windows.h>

/* RtlGenRandom: exported by advapi32 under the name SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* BOOL ProcessPrng(PBYTE pbData, SIZE_T cbData): fills the buffer; always TRUE. */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
