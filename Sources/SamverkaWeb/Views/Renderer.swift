import Foundation
import Hummingbird
import Mustache
import SamverkaCore

/// Renders Mustache templates (HTML-escaped by default; templates never use triple braces
/// for user data) inside the one layout.
public struct Renderer: Sendable {
    let library: MustacheLibrary
    let municipality: @Sendable () async -> String

    public static func load(municipality: @escaping @Sendable () async -> String) async throws -> Renderer {
        // Every subject's templates, flattened into the bundle's one folder (Package.swift).
        guard let folder = Bundle.module.resourceURL else {
            throw HTTPError(.internalServerError, message: "templates missing")
        }
        // Before the templates are parsed: their CONTENT_TYPE pragma names it.
        MustacheContentTypes.register(FastHTMLContentType(), named: FastHTMLContentType.name)
        return Renderer(library: try await MustacheLibrary(directory: folder.path), municipality: municipality)
    }

    /// A full page: the layout's data (person, units, navigation, CSRF) plus the page's own.
    func page(_ template: String, title: String, _ data: [String: Any] = [:], context: AppContext, status: HTTPResponse.Status = .ok) async -> Response {
        var values = data
        values["title"] = title
        if let name = context.session?.municipalityName {
            values["municipality"] = name
        } else {
            values["municipality"] = await municipality()
        }
        if let session = context.session {
            let actor = session.actor
            values["csrf"] = session.csrfToken
            values["signedIn"] = ["name": actor.displayName, "units": Self.unitSummary(actor)]
            values["nav"] = Navigation.entries(for: NavigationFacts(actor: actor, programmeRoles: session.programmeRoles,
                                                                                 chairsLocalGroupWithArea: session.chairsLocalGroupWithArea))
        } else if let csrf = context.anonymousCSRF {
            values["csrf"] = csrf
        }
        let html = library.render(values, withTemplate: template) ?? "<!doctype html><title>Fel</title><p>Sidan kunde inte visas.</p>"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func unitSummary(_ actor: Actor) -> String {
        actor.assignments.map { [$0.role.label, $0.unitName].compactMap { $0 }.joined(separator: ", ") }.joined(separator: "; ")
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A file to save: every download holds a child's data or a log, so it is never cached.
    static func download(_ bytes: [UInt8], type: String, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Form values as typed, and the errors to show next to them.
struct FormState {
    var values: [String: String] = [:]
    var errors = FieldErrors()

    var data: [String: Any] {
        ["values": values, "errors": errors.messages, "hasErrors": !errors.isEmpty,
         "errorList": errors.fields.compactMap { field in errors[field].map { ["field": field, "message": $0] } }]
    }
}
