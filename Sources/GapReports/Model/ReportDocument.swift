import Records

/// What the rollups call the whole county: a chart picks its bar out (as it does a limited report's total).
public let countyLabel = "County"
/// The label of the totals row of a report limited to one district: not the county's.
public let limitedTotalLabel = "Total"

/// A report as every format renders it: a title, what it covers, and blocks of text, tables and charts.
///
/// The analyses build one document; the text, CSV, JSON, Markdown and HTML renderers only lay it out,
/// so the numbers cannot differ between formats.
public struct ReportDocument: Sendable {
    /// A short name used in file names: `schools`, `licensing`.
    public var id: String
    /// The title.
    public var title: String
    /// What the report covers: the collection, the date.
    public var subtitle: String
    /// The content, in order.
    public var blocks: [ReportBlock]

    /// Creates a document.
    public init(id: String, title: String, subtitle: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
    }

    /// Every table, each once (a chart's table may also stand as a table), in the order of the report.
    public var tables: [ReportTable] {
        var seen: Set<String> = []
        return blocks.compactMap { block -> ReportTable? in
            switch block {
            case .table(let table): return table
            case .chart(let chart): return chart.table
            case .trend(let trend): return trend.table
            default: return nil
            }
        }.filter { seen.insert($0.id).inserted }
    }

    /// The table of an id, or the refusal that names the tables there are.
    public func table(_ id: String) throws -> ReportTable {
        guard let table = tables.first(where: { $0.id == id }) else {
            throw Refusal.noSuchTable(id, tables: tables.map(\.id))
        }
        return table
    }
}

/// One part of a report.
public enum ReportBlock: Sendable {
    /// A section heading.
    case heading(String)
    /// A paragraph of text.
    case paragraph(String)
    /// A table.
    case table(ReportTable)
    /// A bar chart, always shown with its data table.
    case chart(BarChart)
    /// Small charts of one measure across the rounds, one a district: drawn in HTML; the other formats show its
    /// table, which always follows it.
    case trend(TrendChart)
}

/// A table: an id (for file names and selection), a caption, columns and rows of typed cells.
public struct ReportTable: Sendable {
    /// A short name: `by-district`.
    public var id: String
    /// What the table shows.
    public var caption: String
    /// The column headings.
    public var columns: [String]
    /// The rows, each with one cell a column.
    public var rows: [[ReportCell]]

    /// Creates a table.
    public init(id: String, caption: String, columns: [String], rows: [[ReportCell]]) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}

/// One value of a table, typed so each format can show it best.
public enum ReportCell: Sendable, Equatable {
    /// Text.
    case text(String)
    /// A whole number.
    case count(Int)
    /// A share: part of a whole, shown as a percentage; empty when the whole is 0.
    case share(part: Int, whole: Int)
    /// A change in percentage points, when there is something to compare with.
    case change(Double?)
    /// Nothing to show.
    case empty

    /// The cell as people read it: `12`, `75%`, `+3.5 pts`, `-`.
    public var text: String {
        switch self {
        case .text(let text): return text
        case .count(let count): return String(count)
        case .share(let part, let whole):
            guard whole > 0 else { return "-" }
            return ReportCell.percent(Double(part) * 100 / Double(whole)) + "%"
        case .change(let points):
            guard let points else { return "-" }
            return (points > 0 ? "+" : "") + ReportCell.percent(points) + " pts"
        case .empty: return ""
        }
    }

    /// The percentage a share stands for, when it has one.
    public var percentage: Double? {
        if case .share(let part, let whole) = self, whole > 0 { return Double(part) * 100 / Double(whole) }
        return nil
    }

    /// A percentage to one decimal place, without a trailing `.0`.
    static func percent(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths)) % 10
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? sign + String(whole) : sign + "\(whole).\(fraction)"
    }
}

/// A horizontal bar chart of percentages, drawn with its data table beside it.
public struct BarChart: Sendable {
    /// What the chart shows.
    public var caption: String
    /// The bars: a label and a share.
    public var bars: [(label: String, share: ReportCell)]
    /// The data table the chart is drawn from.
    public var table: ReportTable

    /// A chart of `measure` from `table`: one bar a row, labelled by the row's first cell.
    public init(caption: String, table: ReportTable, measure column: String) {
        self.caption = caption
        self.table = table
        let index = table.columns.firstIndex(of: column) ?? 0
        self.bars = table.rows.map { row in (row.first?.text ?? "", row[index]) }
    }
}
