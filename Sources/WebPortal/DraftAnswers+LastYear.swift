import FormEngine

extension DraftAnswers {
    /// A new year's return started from last year's (`root`, its bound JSON): every answer but the items of its
    /// repeats (sessions dated in last year's period) and the declaration's section, which are this year's to give.
    /// Each section left with answers is marked to confirm: the school checks each page before it can send.
    init(lastYear root: Node, from year: String, form: FormDefinition) {
        self.init(bound: root, form: form)
        let declaration = form.meanings.location(of: .declaredOn).map { form.sections[$0.section].id }
        for section in form.sections {
            var dropped = section.fields.filter { $0.type == .repeat }.map { "\(section.id).\($0.id)." }
            if section.id == declaration { dropped = ["\(section.id)."] }
            for prefix in dropped {
                for key in values.keys where key.hasPrefix(prefix) { values[key] = nil }
                for key in counts.keys where (key + ".").hasPrefix(prefix) { counts[key] = nil }
            }
        }
        carried = form.sections.map(\.id).filter { id in values.keys.contains { $0.hasPrefix(id + ".") } }
        carriedFrom = year
    }
}
