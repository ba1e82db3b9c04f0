/// The county the sample is set in: Northamptonshire's seven districts (DOMAIN.md), their places and postcodes,
/// and the names the sample's schools and drivers are given. All invented: no real person is described.
enum CountyData {
    /// A district: its slug in the forms, its name and GSS code, its share of schools and drivers, and its places.
    struct District {
        let slug: String
        let name: String
        let code: String
        let weight: Double
        let postcodes: [String]
        let places: [String]
    }

    static let districts: [District] = [
        District(
            slug: "corby", name: "Corby", code: "E07000150", weight: 10, postcodes: ["NN17", "NN18"],
            places: ["Corby", "Weldon", "Gretton", "Cottingham", "Stanion", "Oakley Vale", "Kingswood"]),
        District(
            slug: "daventry", name: "Daventry", code: "E07000151", weight: 10, postcodes: ["NN11", "NN6"],
            places: ["Daventry", "Long Buckby", "Brixworth", "Moulton", "Woodford Halse", "Welford", "Guilsborough"]),
        District(
            slug: "east-northamptonshire", name: "East Northamptonshire", code: "E07000152", weight: 11,
            postcodes: ["NN14", "NN9", "PE8", "NN10"],
            places: ["Oundle", "Thrapston", "Raunds", "Rushden", "Higham Ferrers", "Irthlingborough", "Kings Cliffe"]),
        District(
            slug: "kettering", name: "Kettering", code: "E07000153", weight: 15, postcodes: ["NN15", "NN16", "NN14"],
            places: [
                "Kettering", "Burton Latimer", "Desborough", "Rothwell", "Barton Seagrave", "Broughton", "Geddington",
            ]),
        District(
            slug: "northampton", name: "Northampton", code: "E07000154", weight: 30,
            postcodes: ["NN1", "NN2", "NN3", "NN4", "NN5"],
            places: [
                "Abington", "Kingsthorpe", "Duston", "Far Cotton", "Weston Favell", "Kingsley", "Spinney Hill",
                "Hunsbury", "Parklands", "Delapre", "Semilong", "Lings", "Blackthorn", "Briar Hill",
            ]),
        District(
            slug: "south-northamptonshire", name: "South Northamptonshire", code: "E07000155", weight: 12,
            postcodes: ["NN12", "NN13", "NN7"],
            places: ["Towcester", "Brackley", "Roade", "Deanshanger", "Middleton Cheney", "Silverstone", "Bugbrooke"]),
        District(
            slug: "wellingborough", name: "Wellingborough", code: "E07000156", weight: 12,
            postcodes: ["NN8", "NN29", "NN9"],
            places: [
                "Wellingborough", "Earls Barton", "Finedon", "Irchester", "Wollaston", "Bozeat", "Great Doddington",
            ]),
    ]

    /// Phases, as GIAS names them, with their share of schools, the form's value, and the types they come in.
    static let phases: [(name: String, value: String, weight: Double, types: [(String, Double)])] = [
        (
            "Primary", "primary", 72,
            [
                ("Community school", 35), ("Voluntary aided school", 12), ("Voluntary controlled school", 12),
                ("Academy converter", 25), ("Academy sponsor led", 8), ("Free schools", 3), ("Foundation school", 5),
            ]
        ),
        (
            "Secondary", "secondary", 14,
            [
                ("Academy converter", 55), ("Academy sponsor led", 25), ("Free schools", 5), ("Community school", 10),
                ("Foundation school", 5),
            ]
        ),
        (
            "Not applicable", "not-applicable", 5,
            [
                ("Community special school", 60), ("Pupil referral unit", 25), ("Academy special converter", 15),
            ]
        ),
        ("Nursery", "nursery", 2, [("Local authority nursery school", 100)]),
        ("Middle deemed secondary", "middle-deemed-secondary", 2, [("Academy converter", 100)]),
        ("Middle deemed primary", "middle-deemed-primary", 1, [("Community school", 100)]),
        ("All-through", "all-through", 2, [("Academy converter", 60), ("Free schools", 40)]),
        ("16 plus", "16-plus", 2, [("Academy sponsor led", 50), ("Free schools", 50)]),
    ]

    static let saints = [
        "St Mary's", "St Peter's", "St Andrew's", "All Saints", "Holy Trinity", "St Luke's", "St James'",
        "Christ Church",
    ]

    static let firstNames = [
        "Amir", "Beth", "Carl", "Dawn", "Ellis", "Fatima", "Gareth", "Hannah", "Imran", "Jade", "Kamal", "Lucy",
        "Mohammed",
        "Nicola", "Owen", "Priya", "Qasim", "Rachel", "Sanjay", "Tracey", "Usman", "Victoria", "Wayne", "Yasmin",
        "Zoltan",
        "Adam", "Bilal", "Chloe", "Darren", "Emma", "Faisal", "Grace", "Harjit", "Ian", "Joanne", "Kieran", "Leanne",
        "Marek",
    ]

    static let surnames = [
        "Patel", "Jones", "Mason", "Smith", "Khan", "Williams", "Brown", "Taylor", "Ahmed", "Wilson", "Evans",
        "Hussain",
        "Davies", "Singh", "Thomas", "Roberts", "Walker", "Wright", "Ali", "Robinson", "Thompson", "White", "Hughes",
        "Edwards", "Green", "Kowalski", "Lewis", "Harris", "Clarke", "Begum", "Jackson", "Wood", "Turner", "Nowak",
        "Hall",
    ]

    static let streets = [
        "High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road", "London Road", "Queen Street",
        "Manor Close",
    ]
}
