//! A Document built by hand to mirror the seed résumé, so this crate's tests
//! run on realistic content without depending on the model and lowering.
//! The workspace `tests/` crate checks the page built from the real source.

#![allow(dead_code)]

use resume_document::{
    Contact, ContactKind, DatePoint, DateRange, Document, Entry, Header, Line, LineKind, Meta,
    Section, SectionBody, Span, Text, Theme,
};

pub fn date(display: &str, iso: Option<&str>) -> DatePoint {
    DatePoint {
        display: display.into(),
        iso: iso.map(Into::into),
    }
}

pub fn range(start: (&str, &str), end: (&str, Option<&str>)) -> Option<DateRange> {
    Some(DateRange {
        start: Some(date(start.0, Some(start.1))),
        end: Some(date(end.0, end.1)),
        separator: " – ".into(),
    })
}

pub fn text(spans: Vec<Span>) -> Text {
    Text { spans }
}

pub fn link(t: &str, url: &str) -> Span {
    Span {
        text: t.into(),
        link: Some(url.into()),
        ..Span::default()
    }
}

fn line(kind: LineKind, t: &str) -> Line {
    Line {
        text: Text::plain(t),
        kind,
    }
}

fn bullets(items: &[&str]) -> Vec<Text> {
    items.iter().map(|b| Text::plain(*b)).collect()
}

fn contact(kind: ContactKind, text: &str, label: &str, url: Option<&str>) -> Contact {
    Contact {
        kind,
        text: text.into(),
        label: label.into(),
        url: url.map(Into::into),
    }
}

pub fn entry(title: Text) -> Entry {
    Entry {
        title,
        dates: None,
        location: None,
        lines: Vec::new(),
        bullets: Vec::new(),
        roles: Vec::new(),
    }
}

fn school(name: &str, place: &str, dates: Option<DateRange>, degree: &str) -> Entry {
    Entry {
        dates,
        lines: vec![line(LineKind::Subtitle, degree)],
        ..entry(text(vec![
            Span::strong(name),
            Span::plain(format!(" • {place}")),
        ]))
    }
}

fn job(
    org: &str,
    role: &str,
    keywords: &str,
    dates: Option<DateRange>,
    place: &str,
    items: &[&str],
) -> Entry {
    Entry {
        dates,
        location: Some(place.into()),
        lines: vec![line(LineKind::Keywords, keywords)],
        bullets: bullets(items),
        ..entry(text(vec![
            Span::strong(org),
            Span::plain(format!(" {role}")),
        ]))
    }
}

fn skill(label: &str, rest: &str) -> Text {
    text(vec![Span::strong(format!("{label}: ")), Span::plain(rest)])
}

pub fn seed() -> Document {
    let education = vec![
        school(
            "University of Illinois at Urbana-Champaign",
            "Urbana, IL",
            range(("August 2021", "2021-08"), ("May 2023", Some("2023-05"))),
            "Master of Science in Computer Science",
        ),
        school(
            "University of Illinois at Urbana-Champaign",
            "Urbana, IL",
            range(("August 2017", "2017-08"), ("May 2021", Some("2021-05"))),
            "Bachelor of Science in Computer Engineering • GPA: 3.95/4.0 • Highest Honor",
        ),
        school(
            "Zhejiang University",
            "Hangzhou, China",
            range(("August 2017", "2017-08"), ("May 2021", Some("2021-05"))),
            "Bachelor of Science in Computer Engineering • GPA: 3.87/4.0",
        ),
    ];
    let mut tencent = job(
        "Tencent Inc",
        "Software Engineer Intern – Product",
        "Golang, Kubernetes, Python, Protobuf, Message Queue",
        range(("Jun 2019", "2019-06"), ("Aug 2019", Some("2019-08"))),
        "Shenzhen, China",
        &[
            "Developed a distributed performance testing tool for a RPC framework by providing a JavaScript Runtime and realtime serialization, which later becomes a popular production-grade project used by many teams at Tencent.",
            "",
            "Explored Protobuf + message queue to implement service discovery and load-balance for RPC call.",
            "Deployed ML engines on Kubernetes to support auto scaling and CI triggered rolling update.",
        ],
    );
    tencent.bullets[1] = text(vec![
        Span::plain(
            "Built medical diagnosis services with Golang as a built-in module for the social app WeChat covering more than ",
        ),
        Span::strong("30 million users"),
        Span::plain(
            ", which distributed batched user requests to ML inference engines by message queue.",
        ),
    ]);
    let work = vec![
        job(
            "Alibaba Group",
            "Software Engineer Intern – Search Infrastructure",
            "C++, LLVM, Tensorflow, Machine Learning System",
            range(("Jun 2020", "2020-06"), ("Dec 2020", Some("2020-12"))),
            "Hangzhou, China",
            &[
                "Worked on building and optimizing a large-scale distributed search and recommendation system in support of Alibaba's ecommerce websites, including Taobao, TMall, with over 900 million Monthly Active User (MAU).",
                "Developed an automated Just-In-Time (JIT) compilation system for online rank service by runtime linkage replacement on C++14 applications.",
                "Use Clang/LLVM based toolchain to give dynamic type hints on containers of feature extractors and generate equivalent high performance static representation for later JIT optimization, which was deployed and validated under 300K peak QPS during 2020 Double Eleventh Day shopping festival ($740 billion GMV in one day).",
                "Boosted more than 10% performance of entire machine learning inference platform in Alibaba, achieved 100ms 99.96% SLA for the ranking system, saved over 1000 CPU cores in production environment.",
            ],
        ),
        job(
            "ByteDance (TikTok)",
            "Software Engineer Intern – Network Infrastructure",
            "Kernel, Service Mesh, envoy, Virtualization, DPDK, Qemu",
            range(("Feb 2021", "2021-02"), ("Jul 2021", Some("2021-07"))),
            "Shanghai, China",
            &[
                "Worked on optimizing service mesh (envoy) performance through kernel bypass and user-level TCP stack.",
                "Built a glue socket kernel module allowing user use socket API to access DPDK based protocol stack.",
                "Achieved in average 16% CPU improvement for over 1K micro-service sidecars of Bytedance (TikTok) production system by implementing end-to-end zerocopy for the userspace TCP offload engine.",
                "Automated CI/CD pipeline by developing a distributed VM testing framework using libvirt and consul.",
            ],
        ),
        tencent,
    ];
    let mut sieve = Entry {
        dates: range(("Jun 2021", "2021-06"), ("Present", None)),
        lines: vec![line(
            LineKind::Keywords,
            "Golang, Kubernetes, Distributed System Correctness",
        )],
        bullets: bullets(&[
            "Developed an automated testing tool, which systematically tests Kubernetes controllers to harden them against scenarios like asynchrony, unexpected failures, networking issues, and controller restarts.",
            "Implemented instrument to operators and Kubernetes API server for cluster-wide event collection and analyzing.",
            "",
        ]),
        ..entry(text(vec![
            Span::strong("Sieve Project"),
            Span::plain(" – Research Project – "),
            link("Link", "https://github.com/sieve-project/sieve"),
            Span::plain(" – Selected to present at KubeCon 2021"),
        ]))
    };
    sieve.bullets[2] = text(vec![
        Span::plain("The project has already discovered (and led to fixes for) more than "),
        Span::strong("30 safety-critical bugs"),
        Span::plain(
            " in popular Kubernetes controllers for Zookeeper, Cassandra, RabbitMQ, MongoDB, XtraDB, etc.",
        ),
    ]);
    let projects = vec![
        sieve,
        Entry {
            dates: range(("Oct 2019", "2019-10"), ("Dec 2019", Some("2019-12"))),
            lines: vec![line(
                LineKind::Keywords,
                "C, Assemble(x86), Qemu, Operating Systen, Network Stack",
            )],
            bullets: bullets(&[
                "Built a Linux like operating system by providing basic features including: memory paging, read-only filesystem, context switch, Round-robin scheduler, interrupt handlers, system calls.",
                "Developed advanced extra features: dynamic memory allocator, DOM based GUI, layer1-5 network stack (from NIC driver to HTTP) and an Internet browser by combining GUI and network stack.",
            ]),
            ..entry(text(vec![
                Span::strong("WeirdOS"),
                Span::plain(" – Course Project – "),
                link("Link", "https://github.com/laphets/WeirdOS"),
            ]))
        },
        Entry {
            dates: range(("Aug 2018", "2018-08"), ("Jun 2019", Some("2019-06"))),
            lines: vec![line(
                LineKind::Keywords,
                "TypeScript, Electron.js, React.js",
            )],
            bullets: bullets(&[
                "Fixed several critical bugs related to git module and search widget in VSCode and DevTools in FireFox. The contribution was thanked by VSCode maintainers through its release notes.",
                "Became experienced in open-source project contribution and maintenance.",
            ]),
            ..entry(text(vec![
                Span::strong("Open-Source Contribution for VSCode and FireFox"),
                Span::plain(" – Open-Source Contribution"),
            ]))
        },
    ];
    let skills = vec![
        skill(
            "Programming languages",
            "C/C++, Python, Golang, Rust, JavaScript, TypeScript",
        ),
        skill(
            "System & Cloud",
            "Docker, Kubernetes, Linux kernel, LLVM, UNIX network programming, Qemu, DPDK",
        ),
        skill(
            "Web Development",
            "Git, Node.js, Golang, SQL, React.js, Vue.js, MongoDB, Redis, RabbitMQ, Protobuf",
        ),
    ];
    Document {
        meta: Meta {
            title: "Wenqing Luo — Résumé".into(),
            author: "Wenqing Luo".into(),
            subject:
                "Résumé of Wenqing Luo: education, work experience, projects and technical skills."
                    .into(),
            keywords: vec![
                "C/C++".into(),
                "Python".into(),
                "Golang".into(),
                "Rust".into(),
            ],
            language: "en".into(),
        },
        header: Header {
            name: "Wenqing Luo".into(),
            headline: None,
            contacts: vec![
                contact(
                    ContactKind::Phone,
                    "217.200.3227",
                    "Phone",
                    Some("tel:+12172003227"),
                ),
                contact(
                    ContactKind::Email,
                    "wenqing4@illinois.edu",
                    "Email",
                    Some("mailto:wenqing4@illinois.edu"),
                ),
                contact(
                    ContactKind::Website,
                    "Website",
                    "Website",
                    Some("https://laphets.github.io/"),
                ),
                contact(
                    ContactKind::Profile,
                    "wenqingluo",
                    "LinkedIn",
                    Some("https://www.linkedin.com/in/wenqingluo"),
                ),
                contact(
                    ContactKind::Profile,
                    "laphets",
                    "GitHub",
                    Some("https://github.com/laphets"),
                ),
            ],
        },
        sections: vec![
            Section {
                id: "education".into(),
                title: "Education".into(),
                body: SectionBody::Entries(education),
            },
            Section {
                id: "work-experience".into(),
                title: "Work Experience".into(),
                body: SectionBody::Entries(work),
            },
            Section {
                id: "projects".into(),
                title: "Projects".into(),
                body: SectionBody::Entries(projects),
            },
            Section {
                id: "technical-skills".into(),
                title: "Technical Skills".into(),
                body: SectionBody::List(skills),
            },
        ],
        theme: Theme::default(),
    }
}
