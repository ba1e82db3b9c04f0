extension Evaluation {
    /// Compiler-style text: each finding as `file:line:column: severity: message [rule]` with the source line
    /// and a caret, then a summary line with the decision in the form's words.
    ///
    /// `stored`, when given, says what became of the submission ("stored as submission 12") on the summary line;
    /// without `showingFindings` only the summary line is written.
    public func text(showingSource: Bool = true, showingFindings: Bool = true, stored: String? = nil) -> String {
        String(
            decoding: textBytes(showingSource: showingSource, showingFindings: showingFindings, stored: stored),
            as: UTF8.self)
    }

    /// The text of `text(showingSource:showingFindings:stored:)` as UTF-8 bytes, for a caller that writes them
    /// (`validate` writes every file's): no string made of them.
    public func textBytes(showingSource: Bool = true, showingFindings: Bool = true, stored: String? = nil) -> [UInt8] {
        // Written piece by piece as bytes: every file's text is made, and appending to a string costs several times
        // more than appending to bytes.
        var output: [UInt8] = []
        output.reserveCapacity(512)
        // A finding's copy counts one reference (its parts are one shared object: `Finding`).
        for index in findings.indices where showingFindings {
            findings[index].write(to: &output, file: file, source: showingSource ? received : nil)
        }
        output.append(utf8: file)
        output.append(utf8: ": ")
        if let stored {
            output.append(utf8: stored)
            output.append(utf8: ": ")
        }
        output.append(utf8: decision.rawValue)
        output.append(utf8: ": ")
        output.append(utf8: decisionLabel)
        var separator = " ("
        for severity in Severity.allCases {
            let count = count(severity)
            guard count > 0 else { continue }
            output.append(utf8: separator)
            output.append(utf8: String(count))
            output.append(utf8: " ")
            output.append(utf8: Self.noun(severity, count))
            separator = ", "
        }
        output.append(utf8: separator == ", " ? ")\n" : "\n")
        return output
    }

    /// What a finding of a severity is called in the summary: "error", "referrals", ...
    private static func noun(_ severity: Severity, _ count: Int) -> String {
        let singular: String
        switch severity {
        case .error: singular = "error"
        case .refer: singular = "referral"
        case .warning: singular = "warning"
        case .info: singular = "note"
        }
        return count == 1 ? singular : singular + "s"
    }
}

extension Finding {
    /// Writes the finding as `file:line:column: severity: message [rule]` (`file` alone when it has no place)
    /// and, given the submission's bytes, the source line with a caret under the column.
    fileprivate func write(to output: inout [UInt8], file: String, source: [UInt8]?) {
        if let mark {
            output.append(utf8: mark.file)
            output.append(utf8: ":")
            output.append(utf8: String(mark.line))
            output.append(utf8: ":")
            output.append(utf8: String(mark.column))
        } else {
            output.append(utf8: file)
        }
        output.append(utf8: ": ")
        output.append(utf8: severity.rawValue)
        output.append(utf8: ": ")
        output.append(utf8: message)
        output.append(utf8: " [")
        output.append(utf8: rule)
        output.append(utf8: "]\n")
        if let source, let mark, SourceExcerpt.write(in: source, line: mark.line, column: mark.column, to: &output) {
            output.append(0x0A)
        }
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
