import Metrics

/// The queue's metrics (swift-metrics). Labels are topic and group names, never payloads.
struct QueueMetrics: Sendable {
    let published: Counter
    let fsyncDuration: Timer

    init(topic: String) {
        published = Counter(label: "queue_published_total", dimensions: [("topic", topic)])
        fsyncDuration = Timer(label: "queue_write_sync_duration_seconds", dimensions: [("topic", topic)], preferredDisplayUnit: .seconds)
    }

    /// The metrics of one consumer group on one topic.
    struct Group: Sendable {
        let delivered: Counter
        let retried: Counter
        let deadLettered: Counter
        let lag: Gauge

        init(topic: String, group: String) {
            let dimensions = [("topic", topic), ("group", group)]
            delivered = Counter(label: "queue_delivered_total", dimensions: dimensions)
            retried = Counter(label: "queue_retried_total", dimensions: dimensions)
            deadLettered = Counter(label: "queue_dead_lettered_total", dimensions: dimensions)
            lag = Gauge(label: "queue_group_lag", dimensions: dimensions)
        }
    }
}
