/*
 * TEST ONLY — never shipped (the installer does not contain it).
 *
 * Rust's standard library (1.78 and later) draws its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10/11 has but Wine 8.0 (Debian 12) lacks: without
 * it no Rust program starts under Wine ("Library bcryptprimitives.dll ... not found"). The
 * Windows smoke test builds this DLL with mingw and copies it into its throwaway Wine prefix's
 * system32, so the real `vanthu.exe` can run there. It forwards to BCryptGenRandom, which
 * Wine has.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll \
 *            bcryptprimitives-shim.c -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* BCryptGenRandom takes a ULONG length: feed a huge request in pieces. */
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk,
                                            BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
