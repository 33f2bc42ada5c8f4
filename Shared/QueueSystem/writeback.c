#define _GNU_SOURCE
#include "QueueSystem.h"

#include <fcntl.h>

int queue_start_writeback(int descriptor, int64_t offset, int64_t length) {
    return sync_file_range(descriptor, offset, length, SYNC_FILE_RANGE_WRITE);
}
