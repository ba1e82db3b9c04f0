import FormEngine
import Foundation
import Records

extension Safeguarding {
    /// The name of the list of a folder's files and the days they were received (`file,received_on`).
    public static let receivedList = "received.csv"

    /// True when the folder holds a list of when each of its files was received.
    public static func hasReceivedList(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(receivedList))
    }

    /// Submits a folder's files as its `received.csv` lists them: in the order received (by day, then as listed),
    /// each recorded as received on its own day and checked as of it (unless `options` gives a day for both). The
    /// list must name every submission file of the folder, each once, with a real date; otherwise nothing is
    /// stored and the refusal names the line. `eachChunk` hears each chunk's results as `submit(files:)` gives them.
    public func submit(
        receivedIn folder: String, options: SubmitOptions, by sender: Sender,
        eachChunk: ([SubmitResult]) async throws -> Void
    ) async throws {
        try await submit(try Self.receivedFiles(in: folder), options: options, by: sender, eachChunk: eachChunk)
    }

    /// Submits the files of a folder's list (`receivedFiles(in:)`), as `submit(receivedIn:)` does.
    public func submit(
        _ received: ReceivedFiles, options: SubmitOptions, by sender: Sender,
        eachChunk: ([SubmitResult]) async throws -> Void
    ) async throws {
        try await submit(
            files: received.paths, receivedOn: received.days, options: options, by: sender, eachChunk: eachChunk)
    }

    /// The folder's files in the order received, as its `received.csv` lists them: by day, earliest first, each
    /// day's in the list's order. Refused, naming the line, when the list does not name every submission file of the
    /// folder, each once, with a real date.
    public static func receivedFiles(in folder: String) throws -> ReceivedFiles {
        let listPath = (folder as NSString).appendingPathComponent(receivedList)
        func refuse(_ line: Int, _ problem: String) -> Refusal {
            .receivedList(file: listPath, line: line, problem: problem)
        }
        let bytes: [UInt8]
        switch FileBytes.read(listPath) {
        case .success(let read): bytes = read.bytes
        case .failure(let failure): throw refuse(1, "it cannot be read: \(failure.reason)")
        }
        let rows: [[CSVField]]
        switch CSVReader.rows(of: LegacyText.decode(bytes), refusingNUL: true) {
        case .success(let read): rows = read
        case .failure(let problem): throw refuse(problem.line, problem.message)
        }
        guard let header = rows.first?.map(\.text), let fileColumn = header.firstIndex(of: "file"),
            let dayColumn = header.firstIndex(of: "received_on")
        else { throw refuse(1, "its first line must name the columns 'file' and 'received_on'.") }
        // The folder's submission files, each by its name in it with whether the list names it: a listed file found
        // here needs no look of its own (20,000 of them cost a tenth of a second, before any file is checked), and
        // one look-up a line finds it and whether it was listed before. A national folder's 360,000 files were put
        // in two sets and looked up three times, their names cut from their paths a character at a time: 1.4 s of
        // one core before the first file was checked.
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let present: [String]
        if case .success(let files) = FileBytes.files(
            under: folder, endingIn: [".yaml", ".yml", ".json"], sorted: false)
        {
            present = files
        } else {
            present = []
        }
        func name(_ path: String) -> String { String(decoding: path.utf8.dropFirst(prefix.utf8.count), as: UTF8.self) }
        var presentIndex: [String: Int] = [:]
        presentIndex.reserveCapacity(present.count)
        for (index, path) in present.enumerated() { presentIndex[name(path)] = index }
        var presentListed = [Bool](repeating: false, count: present.count)
        // Listed files the folder's listing did not show, found by a look of their own.
        var listedElsewhere: Set<String> = []
        var listed: [(received: Day, path: String)] = []
        listed.reserveCapacity(rows.count)
        for row in rows.dropFirst() where !(row.count == 1 && row[0].text.isEmpty) {
            let line = row.first?.line ?? 1
            guard row.count > max(fileColumn, dayColumn) else { throw refuse(line, "it needs a file and a date.") }
            let file = row[fileColumn].text
            guard let day = Day(iso: row[dayColumn].text) else {
                throw refuse(line, "'\(row[dayColumn].text)' is not a date written YYYY-MM-DD.")
            }
            if let index = presentIndex[file] {
                guard !presentListed[index] else { throw refuse(line, "'\(file)' is listed twice.") }
                presentListed[index] = true
                listed.append((day, present[index]))
                continue
            }
            let path = (folder as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: path) else {
                throw refuse(line, "'\(file)' is not in the folder.")
            }
            guard listedElsewhere.insert(file).inserted else { throw refuse(line, "'\(file)' is listed twice.") }
            listed.append((day, path))
        }
        // The first by name of the files not listed, so that the refusal is the same each time.
        if let stray = present.indices.filter({ !presentListed[$0] }).map({ name(present[$0]) }).min() {
            throw refuse(rows.count, "'\(stray)' is in the folder but not in the list: add the day it was received.")
        }
        // Stable: a day's files keep the list's order.
        let order = listed.indices.sorted { (listed[$0].received, $0) < (listed[$1].received, $1) }
        return ReceivedFiles(paths: order.map { listed[$0].path }, days: order.map { listed[$0].received })
    }
}
