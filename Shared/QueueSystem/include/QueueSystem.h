// What the durable queue needs from the machine that Swift cannot reach directly: the
// futex system call (variadic `syscall` is not imported), atomic operations on a word of a
// page shared between processes, the CPU's CRC-32C instruction, and starting writeback
// of a file range (`sync_file_range` is a GNU extension the Glibc module does not import).
#ifndef QUEUE_SYSTEM_H
#define QUEUE_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

/// Sleeps while `*word == expected`, at most `timeout_ns` nanoseconds, on a word that
/// other processes may share (a `MAP_SHARED` mapping). Returns 0 when woken, -1 with
/// errno otherwise (EAGAIN: the word had changed; ETIMEDOUT; EINTR).
int queue_futex_wait(uint32_t *word, uint32_t expected, int64_t timeout_ns);

/// Wakes at most `count` of the processes and threads sleeping on `word`; returns how
/// many woke, or -1.
int queue_futex_wake(uint32_t *word, int32_t count);

/// Atomically adds `value` to `*word` (sequentially consistent); returns the old value.
uint32_t queue_atomic_add32(uint32_t *word, uint32_t value);

/// Atomically subtracts `value` from `*word` (sequentially consistent); returns the old value.
uint32_t queue_atomic_sub32(uint32_t *word, uint32_t value);

/// Loads `*word` atomically (sequentially consistent).
uint32_t queue_atomic_load32(const uint32_t *word);

/// Whether `queue_crc32c_hardware` may be called: the CPU has a CRC-32C instruction
/// (SSE 4.2 on x86-64, the CRC extension on AArch64).
int queue_crc32c_hardware_available(void);

/// CRC-32C of `length` bytes continuing from `crc` (the raw register: the caller inverts
/// before and after), computed with the CPU's instruction. Only when available.
uint32_t queue_crc32c_hardware(uint32_t crc, const void *bytes, size_t length);

/// Starts writing the dirty pages of `length` bytes from `offset` of the file open as
/// `descriptor` to disk, without waiting (`SYNC_FILE_RANGE_WRITE`); 0, or -1 with errno.
int queue_start_writeback(int descriptor, int64_t offset, int64_t length);

#endif
