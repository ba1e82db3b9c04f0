import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import TestSupport
import Testing

@Suite("safeguard validate: exit codes, compiler-style text, JSON")
struct ValidateCommandTests {
    @Test("valid returns and applications exit 0 and print their decision in the form's words")
    func accepted() throws {
        let result = try Safeguard.run([
            "validate", "--as-of", "2026-07-15", "Examples/returns/oakfield-primary.yaml",
            "Examples/returns/hillcrest-junior.json",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first?.hasPrefix("Examples/returns/oakfield-primary.yaml: accepted: Return accepted") == true,
            "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Examples/returns/hillcrest-junior.json: accepted: Return accepted") })
    }

    @Test("a broken return exits 1 with file:line:column: error: message [rule], the line and a caret")
    func rejected() throws {
        let result = try Safeguard.run(["validate", "--as-of", "2026-07-15", "Examples/returns/riverside-broken.yaml"])
        #expect(result.status == 1)
        let expected = """
            Examples/returns/riverside-broken.yaml:13:22: error: "Date the DSL last completed formal safeguarding training" must be a real date written YYYY-MM-DD, like 2017-03-31; write "14/03/2025" as 2025-03-14. [field.type]
                  dsl_last_training: 14/03/2025
                                     ^
            Examples/returns/riverside-broken.yaml:18:5: warning: Not every year group the board names as most at risk of CSE (Year 8, Year 9) was reached by a CSE session for pupils. [s11.priority-years-not-reached]
                    - audience: pupils
                    ^
            Examples/returns/riverside-broken.yaml:19:29: error: "Which year groups?" (session 1): "year-14" is not one of the choices.
            """
        #expect(result.stdout.hasPrefix(expected), "\(result.stdout)")
        #expect(result.stdout.contains("[field.list]"))
        #expect(result.stdout.contains("Did you mean 'governors_trained'?"))
        #expect(
            result.stdout.hasSuffix(
                "Examples/returns/riverside-broken.yaml: rejected: Returned to the school to correct (4 errors, 3 warnings)\n"
            ))
    }

    @Test("many files are printed in argument order, whatever order they finish in")
    func argumentOrder() throws {
        let files = [
            "Examples/returns/riverside-broken.yaml", "Examples/applications/amir-patel-renewal.yaml",
            "Examples/returns/oakfield-primary.yaml",
        ]
        let result = try Safeguard.run(["validate", "--as-of", "2026-10-20"] + files)
        let summaries = result.stdout.split(separator: "\n").filter {
            !$0.hasPrefix(" ") && $0.contains(": accepted:") || $0.contains(": rejected:") || $0.contains(": referred:")
        }
        #expect(summaries.map { String($0.split(separator: ":")[0]) } == files)
        #expect(result.status == 1)
    }

    @Test("a folder stands for every YAML and JSON file in it, in the order of their paths")
    func folders() throws {
        let result = try Safeguard.run([
            "validate", "--as-of", "2026-10-20", "Examples/returns", "Examples/applications/",
        ])
        let files = result.stdout.split(separator: "\n").filter {
            $0.contains(": accepted:") || $0.contains(": rejected:") || $0.contains(": referred:")
        }.map { String($0.split(separator: ":")[0]) }
        #expect(
            files == [
                "Examples/returns/hillcrest-junior.json", "Examples/returns/oakfield-primary.yaml",
                "Examples/returns/riverside-broken.yaml", "Examples/returns/riverside-corrected.yaml",
                "Examples/applications/amir-patel-renewal.yaml", "Examples/applications/beth-jones-incomplete.yaml",
                "Examples/applications/carl-mason-refer.json",
            ])
        let empty = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try Safeguard.run(["validate", empty.path])
        #expect(none.status == 64)
        #expect(none.stderr.contains("holds no .yaml, .yml or .json file"))

        // Folders below it too, any case of ending; other files are left alone.
        let nested = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: nested) }
        try FileManager.default.createDirectory(
            at: nested.appendingPathComponent("b"), withIntermediateDirectories: true)
        let example = try Data(contentsOf: URL(fileURLWithPath: "Examples/returns/oakfield-primary.yaml"))
        try example.write(to: nested.appendingPathComponent("b/inner.YAML"))
        try example.write(to: nested.appendingPathComponent("a.yml"))
        try Data("not a submission".utf8).write(to: nested.appendingPathComponent("notes.txt"))
        let walked = try Safeguard.run(["validate", "--as-of", "2026-10-20", nested.path])
        let walkedFiles = walked.stdout.split(separator: "\n").filter { $0.contains(": accepted:") }
            .map { String($0.split(separator: ":")[0]) }
        #expect(walkedFiles == [nested.path + "/a.yml", nested.path + "/b/inner.YAML"])
    }

    @Test("--format json prints one object in the documented shape")
    func json() throws {
        let result = try Safeguard.run([
            "validate", "--format", "json", "--as-of", "2026-10-20", "Examples/applications/beth-jones-incomplete.yaml",
        ])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2026-10-20")
        let submissions = try #require(object["submissions"] as? [[String: Any]])
        let submission = try #require(submissions.first)
        #expect(submission["file"] as? String == "Examples/applications/beth-jones-incomplete.yaml")
        #expect(submission["form"] as? String == "taxi-driver-application")
        #expect(submission["form_version"] as? String == "2")
        #expect(submission["decision"] as? String == "rejected")
        #expect(submission["decision_label"] as? String == "Incomplete: return to the applicant")
        let findings = try #require(submission["findings"] as? [[String: Any]])
        let dbs = try #require(findings.first { $0["path"] as? String == "/dbs/certificate_number" })
        #expect(dbs["rule"] as? String == "field.format")
        #expect(dbs["severity"] as? String == "error")
        #expect(dbs["line"] as? Int == 26)
        #expect(dbs["column"] as? Int == 23)
        #expect(dbs["values"] is [String: Any])
        #expect((dbs["rule_location"] as? String)?.hasPrefix("Forms/taxi-driver-application.yaml:") == true)
    }

    @Test("a missing file is named and the run exits 1; the other files are still checked")
    func missingFile() throws {
        let result = try Safeguard.run([
            "validate", "--as-of", "2026-07-15", "no/such/file.yaml", "Examples/returns/oakfield-primary.yaml",
        ])
        #expect(result.status == 1)
        #expect(
            result.stdout.hasPrefix(
                "no/such/file.yaml:1:1: error: Cannot read the file: no such file or folder. [intake.file]\n"))
        #expect(result.stdout.contains("Examples/returns/oakfield-primary.yaml: accepted"))
    }

    @Test("a named pipe or a device is refused at once with intake.file, not waited on")
    func notRegularFiles() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe.yaml").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let started = Date()
        let result = try Safeguard.run(["validate", pipe, "/dev/zero", "Examples/returns/oakfield-primary.yaml"])
        #expect(Date().timeIntervalSince(started) < 20, "no file is waited on")
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "\(pipe):1:1: error: Cannot read the file: is a named pipe, not a file. [intake.file]"))
        #expect(
            result.stdout.contains("/dev/zero:1:1: error: Cannot read the file: is a device, not a file. [intake.file]")
        )
        #expect(result.stdout.contains("Examples/returns/oakfield-primary.yaml: accepted"))
    }

    @Test("a file that is not YAML at all exits 1 with the place of the problem")
    func notYAML() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("junk.yaml")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]).write(to: file)
        let result = try Safeguard.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file.path):1:1: error: The file is not valid UTF-8"))
    }

    @Test("usage mistakes exit 64")
    func usage() throws {
        #expect(try Safeguard.run(["validate"]).status == 64)
        #expect(try Safeguard.run(["validate", "--as-of", "31/03/2017", "x.yaml"]).status == 64)
        // A date read from a file saved with CRLF line ends carries an invisible carriage return: it is written out.
        let crlf = try Safeguard.run(["validate", "--as-of", "2026-10-31\r", "x.yaml"])
        #expect(crlf.status == 64)
        #expect(crlf.stderr.contains(#"--as-of must be a date written YYYY-MM-DD, not "2026-10-31\r"."#))
        #expect(try Safeguard.run(["validate", "--format", "xml", "x.yaml"]).status == 64)
        #expect(try Safeguard.run(["validate", "--form", "no-such-form", "x.yaml"]).status == 64)
        #expect(try Safeguard.run(["no-such-command"]).status == 64)
    }

    @Test("a broken form stops validation with exit 2 and names the problems")
    func brokenForm() throws {
        let result = try Safeguard.run([
            "validate", "--forms", "Examples/broken-forms", "Examples/applications/amir-patel-renewal.yaml",
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "Examples/broken-forms/taxi-driver-application.yaml:18:40: error: Unknown type 'dbs-certifcate'."))
        #expect(result.stdout.isEmpty)
    }
}

@Suite("safeguard forms check")
struct FormsCheckCommandTests {
    @Test("sound forms exit 0 and are listed")
    func sound() throws {
        let result = try Safeguard.run(["forms", "check"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("Forms/section11-school-return.yaml: form 'section11-school-return' version 2"))
        #expect(result.stdout.contains("Forms/taxi-driver-application.yaml: form 'taxi-driver-application' version 2"))
    }

    @Test("--strict: every question of the project's forms is read or kept; a question nothing reads is an error")
    func strict() throws {
        let sound = try Safeguard.run(["forms", "check", "--strict"])
        #expect(sound.status == 0, "\(sound.stdout)")
        #expect(!sound.stdout.contains("warning") && !sound.stdout.contains("error"))

        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let forms = folder.appendingPathComponent("Forms")
        try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
        for name in ["section11-school-return.yaml", "taxi-driver-application.yaml"] {
            var text = try String(contentsOfFile: Paths.root + "/Forms/" + name, encoding: .utf8)
            text = text.replacingOccurrences(
                of: "      - {id: phone, type: phone, label: Phone number, kept: \"To call the applicant\"}\n",
                with: "      - {id: phone, type: phone, label: Phone number, kept: \"To call the applicant\"}\n"
                    + "      - {id: favourite_colour, type: text, label: Favourite colour}\n")
            try text.write(to: forms.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let warned = try Safeguard.run(["forms", "check", "--forms", forms.path])
        #expect(warned.status == 0)
        let message =
            "\"Favourite colour\" (applicant.favourite_colour) is read by no rule, no field's logic and no "
            + "report, so its answer changes nothing. Add a rule that reads it, or say why it is kept with 'kept:'."
        #expect(warned.stdout.contains("taxi-driver-application.yaml:134:9: warning: " + message), "\(warned.stdout)")
        let refused = try Safeguard.run(["forms", "check", "--strict", "--forms", forms.path])
        #expect(refused.status == 2)
        #expect(refused.stdout.contains("taxi-driver-application.yaml:134:9: error: " + message))
        #expect(refused.stdout.hasSuffix("1 question read by nothing.\n"))
    }

    @Test("a broken form prints every problem with file:line:column and exits 2")
    func broken() throws {
        let result = try Safeguard.run(["forms", "check", "--forms", "Examples/broken-forms"])
        #expect(result.status == 2)
        let errors = result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 7)
        #expect(errors.allSatisfy { $0.hasPrefix("Examples/broken-forms/taxi-driver-application.yaml:") })
        let problem =
            "Examples/broken-forms/taxi-driver-application.yaml:19:41: error: There is no list 'dbs-level' in 'lists'. Did you mean 'dbs-levels'?\n"
        let line = "    " + "      - {id: level, type: choice, list: dbs-level, label: Level of check}\n"
        let caret = "    " + String(repeating: " ", count: 40) + "^\n"
        #expect(result.stdout.contains(problem + line + caret), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("7 problems in the definitions.\n"))
    }

    @Test("a folder that does not exist is named as not found, a usage mistake, not broken definitions")
    func missingFolder() throws {
        let result = try Safeguard.run(["forms", "check", "--forms", "Nowhere"])
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                "Error: The forms folder 'Nowhere' was not found. Give the folder that holds them with --forms.\n"))
        #expect(result.stderr.contains("Usage: safeguard forms check"))
        let rules = try Safeguard.run(["validate", "--rules", "Nowhere", "Examples/returns/oakfield-primary.yaml"])
        #expect(rules.status == 64 && rules.stderr.contains("The rules folder 'Nowhere' was not found."))
    }
}

@Suite("safeguard rules test")
struct RulesTestCommandTests {
    @Test("the project's rule sets pass their tests with full coverage")
    func projectRules() throws {
        let result = try Safeguard.run(["rules", "test", "--coverage"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "Rules/taxi-driver-application.rules.yaml: 43 tests, 43 passed; 44 of 44 rules both fired and passed"))
        #expect(
            result.stdout.contains(
                "Rules/section11-school-return.rules.yaml: 17 tests, 17 passed; 20 of 20 rules both fired and passed"))
    }

    @Test("a changed threshold fails the tests that pin it, expected versus found, and exits 1")
    func failingTest() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(atPath: Paths.root + "/Rules", toPath: rules.path)
        let file = rules.appendingPathComponent("taxi-driver-application.rules.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "  minimum_age:\n    value: 21", with: "  minimum_age:\n    value: 18").write(
            to: file, atomically: true, encoding: .utf8)
        let result = try Safeguard.run(["rules", "test", "--coverage", "--rules", rules.path])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "error: test \"a twenty-year-old with a licence held ten months\" failed\n    expected, not found: taxi.under-minimum-age error /applicant/date_of_birth\n"
            ))
        #expect(result.stdout.contains("error: no test fires 'taxi.under-minimum-age' [coverage]"))
        #expect(result.stdout.contains("43 tests, 42 passed, 1 failed"))
    }

    @Test("a rule file with a typo in a path, a type mismatch or bad syntax fails forms check at its line and column")
    func brokenRules() throws {
        let result = try Safeguard.run(["forms", "check", "--rules", "Examples/broken-rules"])
        #expect(result.status == 2)
        let errors = result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(
            errors == [
                "Examples/broken-rules/taxi-driver-application.rules.yaml:12:21: error: The section 'dbs' has no field 'last_staus_check'. Did you mean 'last_status_check'?",
                "Examples/broken-rules/taxi-driver-application.rules.yaml:18:12: error: '>=' compares two numbers or two dates, not a number and a text.",
                "Examples/broken-rules/taxi-driver-application.rules.yaml:24:30: error: Expected a value, a name or '(', but the expression ends.",
            ])
        let validate = try Safeguard.run([
            "validate", "--rules", "Examples/broken-rules", "Examples/applications/amir-patel-renewal.yaml",
        ])
        #expect(validate.status == 2)
    }

    @Test("--as-of replays a decision: the same file is rejected before its date and accepted after")
    func asOf() throws {
        let before = try Safeguard.run([
            "validate", "--format", "json", "--as-of", "2017-03-31", "Examples/applications/amir-patel-renewal.yaml",
        ])
        #expect(before.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2017-03-31")
        let submission = try #require((object["submissions"] as? [[String: Any]])?.first)
        #expect(submission["as_of"] as? String == "2017-03-31")
        #expect((submission["rules_hash"] as? String)?.count == 64)
        let findings = try #require(submission["findings"] as? [[String: Any]])
        #expect(Set(findings.compactMap { $0["rule"] as? String }) == ["field.future"], "every date is still to come")
        #expect(findings.first?["path"] as? String == "/application/date")
        let after = try Safeguard.run([
            "validate", "--as-of", "2026-10-20", "Examples/applications/amir-patel-renewal.yaml",
        ])
        #expect(after.status == 0)
        #expect(after.stdout == "Examples/applications/amir-patel-renewal.yaml: accepted: Ready to grant\n")
        let referred = try Safeguard.run([
            "validate", "--format", "json", "--as-of", "2026-10-20", "Examples/applications/carl-mason-refer.json",
        ])
        #expect(referred.status == 0)
        let referredObject = try #require(
            try JSONSerialization.jsonObject(with: Data(referred.stdout.utf8)) as? [String: Any])
        let referredSubmission = try #require((referredObject["submissions"] as? [[String: Any]])?.first)
        #expect(referredSubmission["decision"] as? String == "referred")
        let finding = try #require((referredSubmission["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "taxi.violence-within-period")
        #expect((finding["values"] as? [String: Any])?["params.violence_years"] as? Int == 10)
        #expect((finding["rule_location"] as? String)?.hasPrefix("Rules/taxi-driver-application.rules.yaml:") == true)
        #expect(finding["source"] as? String == "IoL 2018: violence, 10 years (DOMAIN.md 3) [C]")
    }
}
