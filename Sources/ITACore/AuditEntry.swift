/// One field's change, as recorded in the append-only audit log: who (OS login and member), when,
/// what (entity, key, field) and old → new, as stored text.
public struct AuditEntry: Hashable, Sendable {
    public var id: Int64
    public var changeID: Int64
    public var at: Timestamp
    public var login: String
    public var memberID: Int64?
    public var action: AuditAction
    public var entity: AuditEntity
    public var key: String
    public var field: String
    public var oldValue: String?
    public var newValue: String?
    /// For an undo: the change it reversed.
    public var undoes: Int64?
    /// For the `evidence` field: the old and new URL lists, decoded by the store that encoded them.
    public var oldEvidence: [String]? = nil
    public var newEvidence: [String]? = nil

    public init(id: Int64, changeID: Int64, at: Timestamp, login: String, memberID: Int64?, action: AuditAction, entity: AuditEntity,
                key: String, field: String, oldValue: String?, newValue: String?, undoes: Int64?) {
        self.id = id
        self.changeID = changeID
        self.at = at
        self.login = login
        self.memberID = memberID
        self.action = action
        self.entity = entity
        self.key = key
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.undoes = undoes
    }
}
