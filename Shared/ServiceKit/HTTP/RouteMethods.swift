import Synchronization

/// The methods each route template answers, filled from the OpenAPI document once the
/// routes are built, so that a known path asked with another method gets `405` and `Allow`
/// (RFC 9110) instead of Hummingbird's `404`.
final class RouteMethods: Sendable {
    private let templates = Mutex<[(segments: [Substring], methods: [String])]>([])

    /// Takes the routes `document` describes.
    func record(_ document: OpenAPIDocument) {
        let entries = document.paths.map { path, operations in
            (segments: path.split(separator: "/"), methods: operations.keys.map { $0.uppercased() }.sorted())
        }
        templates.withLock { $0 = entries }
    }

    /// The methods `path` answers, or nil when no route has that path.
    func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/")
        return templates.withLock { templates in
            templates.first { template in
                template.segments.count == segments.count
                    && zip(template.segments, segments).allSatisfy { pattern, segment in pattern.hasPrefix("{") || pattern == segment }
            }?.methods
        }
    }
}
