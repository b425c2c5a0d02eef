import ITACore

/// One row of the Indicators screen: a tool, an indicator, a sub-indicator or an OIT item.
public struct TreeRow: Hashable, Sendable {
    public enum Node: Hashable, Sendable {
        case tool(String), indicator(Int), sub(String), item(String)

        /// The indicator or item a task on this row would go on (none for a tool or sub-indicator).
        public var target: TaskTarget? {
            switch self {
            case .indicator(let n): return .indicator(n)
            case .item(let code): return .item(code)
            case .tool, .sub: return nil
            }
        }
    }

    public var node: Node
    public var depth: Int
    public var title: String
    public var ownerID: Int64?
    public var tally: Tally
    public var nearestDue: CivilDate?
    public var hasChildren: Bool
    public var belowTargetLastYear: Bool
    /// For a row of what OIT items score: whether every item under it passes (nil otherwise).
    public var passes: Bool? = nil

    /// The task targets under a node.
    public static func targets(of node: Node, in framework: Framework) -> Set<TaskTarget> {
        switch node {
        case .tool(let code):
            return Set(framework.indicators(of: code).flatMap { Self.targets(of: $0) })
        case .indicator(let n):
            return framework.indicator(n).map { Set(Self.targets(of: $0)) } ?? []
        case .sub(let code):
            let sub = framework.indicators.flatMap(\.subIndicators).first { $0.code == code }
            return Set(sub?.items.map { TaskTarget.item($0.code) } ?? [])
        case .item(let code):
            return [.item(code)]
        }
    }

    static func targets(of indicator: Indicator) -> [TaskTarget] {
        [.indicator(indicator.number)] + indicator.subIndicators.flatMap { $0.items.map { TaskTarget.item($0.code) } }
    }

    /// The visible rows of the framework tree, skipping the children of collapsed rows.
    public static func build(board: Board, nearestDue: [TaskTarget: CivilDate], collapsed: Set<Node>, language: Language = .th) -> [TreeRow] {
        let f = board.framework
        let progress = board.progress
        let below = Set(board.assessment.indicatorsBelowTargetLastYear)
        func earliest(_ targets: [TaskTarget]) -> CivilDate? { targets.compactMap { nearestDue[$0] }.min() }
        var rows: [TreeRow] = []
        for tool in f.tools {
            let indicators = f.indicators(of: tool.code)
            let toolNode = Node.tool(tool.code)
            rows.append(TreeRow(node: toolNode, depth: 0, title: "\(tool.code) \(language.name(of: tool))", ownerID: nil,
                                tally: progress.tools[tool.code] ?? .zero, nearestDue: earliest(indicators.flatMap(targets(of:))),
                                hasChildren: !indicators.isEmpty, belowTargetLastYear: false))
            if collapsed.contains(toolNode) { continue }
            for indicator in indicators {
                let node = Node.indicator(indicator.number)
                rows.append(TreeRow(node: node, depth: 1, title: "\(indicator.number) \(language.name(of: indicator))",
                                    ownerID: board.owners[.indicator(indicator.number)], tally: progress.indicators[indicator.number] ?? .zero,
                                    nearestDue: earliest(targets(of: indicator)), hasChildren: !indicator.subIndicators.isEmpty,
                                    belowTargetLastYear: below.contains(indicator.number)))
                if collapsed.contains(node) { continue }
                for sub in indicator.subIndicators {
                    let subNode = Node.sub(sub.code)
                    rows.append(TreeRow(node: subNode, depth: 2, title: "\(sub.code) \(sub.nameTH)", ownerID: nil,
                                        tally: progress.subIndicators[sub.code] ?? .zero,
                                        nearestDue: earliest(sub.items.map { .item($0.code) }), hasChildren: !sub.items.isEmpty,
                                        belowTargetLastYear: false))
                    if collapsed.contains(subNode) { continue }
                    for item in sub.items {
                        rows.append(TreeRow(node: .item(item.code), depth: 3, title: "\(item.code) \(language.title(of: item))",
                                            ownerID: board.owners[.item(item.code)], tally: progress.items[item.code] ?? .zero,
                                            nearestDue: nearestDue[.item(item.code)], hasChildren: false, belowTargetLastYear: false))
                    }
                }
            }
        }
        // ✓ only where every item under the row passes (its tasks done and evidence to show).
        let passed = progress.passedItems
        for i in rows.indices {
            let items = targets(of: rows[i].node, in: f).compactMap { target -> String? in
                if case .item(let code) = target { return code }
                return nil
            }
            rows[i].passes = items.isEmpty ? nil : items.allSatisfy(passed.contains)
        }
        return rows
    }
}
