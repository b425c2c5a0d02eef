/// A program's command as a key table sees it: where a binding may work (`Scope`: a screen, a
/// meeting step) and what must hold for it to work now (`Need`: write access, being the recorder).
public protocol KeyCommand: Hashable, Sendable {
    associatedtype Scope: Hashable, Sendable, CaseIterable
    associatedtype Need: Hashable, Sendable
}
