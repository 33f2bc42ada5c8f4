import Hummingbird
import Prometheus

/// Counts requests and measures their latency by route template, method and status.
///
/// The route is the template (`/api/v1/pips/{id}`), never the concrete path, so no id or
/// personal data becomes a label; unmatched paths share the label `unmatched`.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let labels = [
            ("method", request.method.rawValue),
            ("route", context.endpointPath ?? "unmatched"),
            ("status", String(response.status.code)),
        ]
        registry.makeCounter(descriptor: requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: duration, labels: labels, buckets: buckets).record(ContinuousClock.now - start)
        return response
    }

    private var requests: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "http_requests", unitName: "total", helpText: "HTTP requests answered.")
    }
    private var duration: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "http_request_duration", unitName: "seconds", helpText: "Time from request to response head.")
    }
    private let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]
}
