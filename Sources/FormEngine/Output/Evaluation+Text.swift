extension Evaluation {
    /// Compiler-style text: each finding as `file:line:column: severity: message [rule]` with the source line
    /// and a caret, then a summary line with the decision in the form's words.
    ///
    /// `stored`, when given, says what became of the submission ("stored as submission 12") on the summary line;
    /// without `showingFindings` only the summary line is written.
    public func text(showingSource: Bool = true, showingFindings: Bool = true, stored: String? = nil) -> String {
        // Written piece by piece as bytes, made a string once: every file's text is made, and appending to a
        // string costs several times more than appending to bytes.
        var output: [UInt8] = []
        output.reserveCapacity(512)
        for finding in findings where showingFindings {
            if let mark = finding.mark {
                output += mark.file.utf8
                output += ":".utf8
                output += String(mark.line).utf8
                output += ":".utf8
                output += String(mark.column).utf8
            } else {
                output += file.utf8
            }
            output += ": ".utf8
            output += finding.severity.rawValue.utf8
            output += ": ".utf8
            output += finding.message.utf8
            output += " [".utf8
            output += finding.rule.utf8
            output += "]\n".utf8
            if showingSource, let mark = finding.mark,
                SourceExcerpt.write(in: received, line: mark.line, column: mark.column, to: &output)
            {
                output.append(0x0A)
            }
        }
        output +=
            "\(file): \(stored.map { $0 + ": " } ?? "")\(decision.rawValue): \(decisionLabel)\(countsSuffix)\n".utf8
        return String(decoding: output, as: UTF8.self)
    }

    /// " (2 errors, 1 warning)", or nothing when there are no findings.
    private var countsSuffix: String {
        let counts = Severity.allCases.compactMap { severity -> String? in
            let count = count(severity)
            guard count > 0 else { return nil }
            switch severity {
            case .error: return Wording.count(count, "error")
            case .refer: return Wording.count(count, "referral")
            case .warning: return Wording.count(count, "warning")
            case .info: return Wording.count(count, "note")
            }
        }
        return counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))"
    }
}

extension DefinitionErrors {
    /// Every problem in compiler style, each with its source line and a caret when the file can be read.
    public func text(reading read: (String) -> [UInt8]?) -> String {
        var output = ""
        var files: [String: [UInt8]] = [:]
        for problem in problems {
            output += problem.description + "\n"
            let bytes = files[problem.mark.file] ?? read(problem.mark.file)
            files[problem.mark.file] = bytes
            if let bytes,
                let excerpt = SourceExcerpt.lines(in: bytes, line: problem.mark.line, column: problem.mark.column)
            {
                output += excerpt + "\n"
            }
        }
        return output
    }
}
