#include "QueueSystem.h"

#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

// Not FUTEX_PRIVATE_FLAG: the word lives in a file mapping that other processes share.

int queue_futex_wait(uint32_t *word, uint32_t expected, int64_t timeout_ns) {
    struct timespec timeout = {.tv_sec = timeout_ns / 1000000000, .tv_nsec = timeout_ns % 1000000000};
    return (int)syscall(SYS_futex, word, FUTEX_WAIT, expected, &timeout, NULL, 0);
}

int queue_futex_wake(uint32_t *word, int32_t count) {
    return (int)syscall(SYS_futex, word, FUTEX_WAKE, count, NULL, NULL, 0);
}

uint32_t queue_atomic_add32(uint32_t *word, uint32_t value) {
    return __atomic_fetch_add(word, value, __ATOMIC_SEQ_CST);
}

uint32_t queue_atomic_sub32(uint32_t *word, uint32_t value) {
    return __atomic_fetch_sub(word, value, __ATOMIC_SEQ_CST);
}

uint32_t queue_atomic_load32(const uint32_t *word) {
    return __atomic_load_n(word, __ATOMIC_SEQ_CST);
}
