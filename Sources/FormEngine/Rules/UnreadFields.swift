/// A question whose answer nothing reads: no rule, no field's `relevant`, `required` or `constraint`, no report
/// or page (the form's meanings), and not the subject or district a submission is filed under. Its answer changes
/// nothing, so either something should read it or the form should say why it is kept (`kept:`).
public struct UnreadField: Sendable {
    /// The answer's dotted path: `licence.penalty_points`, `convictions.records.details`.
    public let path: String
    /// The question.
    public let field: FieldDefinition
}

extension FormCatalog {
    /// The questions of `form` that nothing reads and that the form does not keep for the record, in its order.
    public func unreadFields(of form: FormDefinition) -> [UnreadField] {
        let reads = readPaths(of: form)
        var unread: [UnreadField] = []
        for section in form.sections {
            for field in section.fields {
                let path = "\(section.id).\(field.id)"
                if field.type == .repeat {
                    let items = field.fields.filter { !reads.contains("\(path).\($0.id)") && $0.kept == nil }
                    if !reads.contains(path) && items.count == field.fields.count && field.kept == nil {
                        unread.append(UnreadField(path: path, field: field))
                    } else {
                        unread += items.map { UnreadField(path: "\(path).\($0.id)", field: $0) }
                    }
                } else if !reads.contains(path) && field.kept == nil {
                    unread.append(UnreadField(path: path, field: field))
                }
            }
        }
        return unread
    }

    /// Every answer something reads, by dotted path; a repeat counts as read when it is iterated.
    private func readPaths(of form: FormDefinition) -> Set<String> {
        var reads: Set<String> = []
        reads.insert(form.key(of: form.subjectKey))
        if let district = form.districtKey { reads.insert(form.key(of: district)) }
        for meaning in Meaning.allCases where meaning.subject == form.subject {
            if let location = form.meanings.location(of: meaning) { reads.insert(form.key(of: location)) }
        }
        for item in Meaning.allCases where item.isItem {
            guard let id = form.meanings.itemField(of: item) else { continue }
            for holder in Meaning.allCases
            where form.field(for: holder)?.fields.contains(where: { $0.id == id }) == true {
                if let location = form.meanings.location(of: holder) { reads.insert("\(form.key(of: location)).\(id)") }
            }
        }
        for section in form.sections {
            for field in section.fields + section.fields.flatMap(\.fields) {
                reads.formUnion(Self.reads(of: field))
            }
        }
        if let rules = ruleSets[form.id] {
            for named in rules.namedValues { reads.formUnion(named.reads) }
            for rule in rules.rules {
                for variant in rule.variants {
                    if let each = variant.each { reads.insert(form.key(of: each)) }
                    reads.formUnion(variant.check.reads)
                    if let when = variant.when { reads.formUnion(when.reads) }
                    reads.formUnion(variant.message.reads)
                }
            }
        }
        return reads
    }

    /// What a field's own logic reads.
    private static func reads(of field: FieldDefinition) -> Set<String> {
        var reads = (field.relevant?.reads ?? []).union(field.constraint?.reads ?? [])
        if case .when(let condition) = field.required { reads.formUnion(condition.reads) }
        return reads
    }
}
