#include "QueueSystem.h"

#include <string.h>

#if defined(__x86_64__)

int queue_crc32c_hardware_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2");
}

__attribute__((target("sse4.2")))
uint32_t queue_crc32c_hardware(uint32_t crc, const void *bytes, size_t length) {
    const unsigned char *next = bytes;
    uint64_t crc64 = crc;
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, next, 8);
        crc64 = __builtin_ia32_crc32di(crc64, word);
        next += 8;
        length -= 8;
    }
    uint32_t crc32 = (uint32_t)crc64;
    while (length > 0) {
        crc32 = __builtin_ia32_crc32qi(crc32, *next);
        next += 1;
        length -= 1;
    }
    return crc32;
}

#elif defined(__aarch64__)

#include <arm_acle.h>
#include <sys/auxv.h>
#ifndef HWCAP_CRC32
#define HWCAP_CRC32 (1 << 7)
#endif

int queue_crc32c_hardware_available(void) {
    return (getauxval(AT_HWCAP) & HWCAP_CRC32) != 0;
}

__attribute__((target("+crc")))
uint32_t queue_crc32c_hardware(uint32_t crc, const void *bytes, size_t length) {
    const unsigned char *next = bytes;
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, next, 8);
        crc = __crc32cd(crc, word);
        next += 8;
        length -= 8;
    }
    while (length > 0) {
        crc = __crc32cb(crc, *next);
        next += 1;
        length -= 1;
    }
    return crc;
}

#else

int queue_crc32c_hardware_available(void) { return 0; }

uint32_t queue_crc32c_hardware(uint32_t crc, const void *bytes, size_t length) {
    (void)bytes;
    (void)length;
    return crc;
}

#endif
