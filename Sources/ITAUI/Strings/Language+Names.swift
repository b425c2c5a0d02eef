import ITACore

extension Language {
    /// A framework's names in this language: the English name where the framework has one, else
    /// the Thai (frameworks are Thai documents first).
    public func name(of tool: Tool) -> String { self == .en && !tool.nameEN.isEmpty ? tool.nameEN : tool.nameTH }
    public func name(of indicator: Indicator) -> String { self == .en && !indicator.nameEN.isEmpty ? indicator.nameEN : indicator.nameTH }
    public func title(of item: OITItem) -> String { self == .en && !item.titleEN.isEmpty ? item.titleEN : item.titleTH }
}
