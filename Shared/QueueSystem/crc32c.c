#include "QueueSystem.h"

#include <string.h>

// One 8-byte and one 1-byte step of the CPU's CRC-32C instruction, per architecture.
#if defined(__x86_64__)

#define CRC32C_TARGET __attribute__((target("sse4.2")))

int queue_crc32c_hardware_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2");
}

static inline CRC32C_TARGET uint32_t step8(uint32_t crc, uint64_t word) { return (uint32_t)__builtin_ia32_crc32di(crc, word); }
static inline CRC32C_TARGET uint32_t step1(uint32_t crc, uint8_t byte) { return __builtin_ia32_crc32qi(crc, byte); }

#elif defined(__aarch64__)

#include <arm_acle.h>
#include <sys/auxv.h>
#ifndef HWCAP_CRC32
#define HWCAP_CRC32 (1 << 7)
#endif

#define CRC32C_TARGET __attribute__((target("+crc")))

int queue_crc32c_hardware_available(void) {
    return (getauxval(AT_HWCAP) & HWCAP_CRC32) != 0;
}

static inline CRC32C_TARGET uint32_t step8(uint32_t crc, uint64_t word) { return __crc32cd(crc, word); }
static inline CRC32C_TARGET uint32_t step1(uint32_t crc, uint8_t byte) { return __crc32cb(crc, byte); }

#else

#define CRC32C_TARGET
#define CRC32C_NONE

int queue_crc32c_hardware_available(void) { return 0; }

#endif

CRC32C_TARGET uint32_t queue_crc32c_hardware(uint32_t crc, const void *bytes, size_t length) {
#ifdef CRC32C_NONE
    (void)bytes;
    (void)length;
    return crc;
#else
    const unsigned char *next = bytes;
    for (; length >= 8; next += 8, length -= 8) {
        uint64_t word;
        memcpy(&word, next, 8);
        crc = step8(crc, word);
    }
    for (; length > 0; next += 1, length -= 1) crc = step1(crc, *next);
    return crc;
#endif
}
