/// An error of the durable queue. `description` names the topic, file and offset concerned
/// and never includes a record's payload.
public struct QueueError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of error; extensible, so a new kind is not a breaking change.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        private init(_ description: String) { self.description = description }

        /// A record in the middle of a segment fails its checksum or framing.
        public static let corruptRecord = Code("corrupt record")
        /// The disk (or the user's quota) is full; nothing was written.
        public static let diskFull = Code("disk full")
        /// The directory or file cannot be written.
        public static let readOnly = Code("read-only")
        /// Any other I/O failure.
        public static let io = Code("I/O error")
        /// A topic or group name that is not allowed.
        public static let invalidName = Code("invalid name")
        /// A record larger than the queue accepts.
        public static let recordTooLarge = Code("record too large")
        /// Another consumer of the same group is running.
        public static let groupBusy = Code("group busy")
        /// An offset outside the log.
        public static let offsetOutOfRange = Code("offset out of range")
    }

    public let code: Code
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// The error for a failed system call, classified by `errno`.
    static func system(_ operation: String, path: String, errno: Int32) -> QueueError {
        let reason = String(cString: strerror(errno))
        switch errno {
        case ENOSPC, EDQUOT, EFBIG: return QueueError(.diskFull, "\(operation) \(path): \(reason)")
        case EROFS, EACCES, EPERM: return QueueError(.readOnly, "\(operation) \(path): \(reason)")
        default: return QueueError(.io, "\(operation) \(path): \(reason)")
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
