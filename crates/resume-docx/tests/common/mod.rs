//! A hand-built Document mirroring the seed résumé
//! (`../shared/seeds/000_7242e6b946b3c2ce.txt`), so this crate's tests do not
//! depend on the model and the lowering.

#![allow(dead_code)]

pub mod ooxml;

use resume_document::{
    Contact, ContactKind, DatePoint, DateRange, Document, Entry, Header, Line, LineKind, Meta,
    Section, SectionBody, Span, Text, Theme,
};

fn text(spans: Vec<Span>) -> Text {
    Text { spans }
}

fn link(s: &str, url: &str) -> Span {
    Span {
        text: s.into(),
        link: Some(url.into()),
        ..Span::default()
    }
}

fn dates(start: &str, end: &str) -> Option<DateRange> {
    let point = |s: &str| DatePoint {
        display: s.into(),
        iso: None,
    };
    Some(DateRange {
        start: Some(point(start)),
        end: Some(point(end)),
        separator: " – ".into(),
    })
}

fn keywords(s: &str) -> Vec<Line> {
    vec![Line {
        text: Text::plain(s),
        kind: LineKind::Keywords,
    }]
}

fn job_lines(position: &str, technologies: &str) -> Vec<Line> {
    let mut lines = vec![Line {
        text: Text::plain(position),
        kind: LineKind::Subtitle,
    }];
    lines.extend(keywords(technologies));
    lines
}

fn bullets(items: &[&str]) -> Vec<Text> {
    items.iter().map(|s| Text::plain(*s)).collect()
}

fn school(name: &str, place: &str, from: &str, to: &str, degree: &str) -> Entry {
    Entry {
        title: text(vec![Span::strong(name), Span::plain(format!(" • {place}"))]),
        dates: dates(from, to),
        location: None,
        lines: vec![Line {
            text: Text::plain(degree),
            kind: LineKind::Subtitle,
        }],
        bullets: vec![],
        roles: vec![],
    }
}

fn contact(kind: ContactKind, text: &str, label: &str, url: &str) -> Contact {
    Contact {
        kind,
        text: text.into(),
        label: label.into(),
        url: Some(url.into()),
    }
}

pub fn seed() -> Document {
    let skills = [
        (
            "Programming languages: ",
            "C/C++, Python, Golang, Rust, JavaScript, TypeScript",
        ),
        (
            "System & Cloud: ",
            "Docker, Kubernetes, Linux kernel, LLVM, UNIX network programming, Qemu, DPDK",
        ),
        (
            "Web Development: ",
            "Git, Node.js, Golang, SQL, React.js, Vue.js, MongoDB, Redis, RabbitMQ, Protobuf",
        ),
    ];
    Document {
        meta: Meta {
            title: "Wenqing Luo — Résumé".into(),
            author: "Wenqing Luo".into(),
            subject: "Résumé of Wenqing Luo".into(),
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
                    "tel:+12172003227",
                ),
                contact(
                    ContactKind::Email,
                    "wenqing4@illinois.edu",
                    "Email",
                    "mailto:wenqing4@illinois.edu",
                ),
                contact(
                    ContactKind::Website,
                    "Website",
                    "Website",
                    "https://laphets.github.io/",
                ),
                contact(
                    ContactKind::Profile,
                    "wenqingluo",
                    "LinkedIn",
                    "https://www.linkedin.com/in/wenqingluo",
                ),
                contact(
                    ContactKind::Profile,
                    "laphets",
                    "GitHub",
                    "https://github.com/laphets",
                ),
            ],
        },
        sections: vec![
            Section {
                id: "education".into(),
                title: "Education".into(),
                body: SectionBody::Entries(vec![
                    school(
                        "University of Illinois at Urbana-Champaign",
                        "Urbana, IL",
                        "August 2021",
                        "May 2023",
                        "Master of Science in Computer Science",
                    ),
                    school(
                        "University of Illinois at Urbana-Champaign",
                        "Urbana, IL",
                        "August 2017",
                        "May 2021",
                        "Bachelor of Science in Computer Engineering • GPA: 3.95/4.0 • Highest Honor",
                    ),
                    school(
                        "Zhejiang University",
                        "Hangzhou, China",
                        "August 2017",
                        "May 2021",
                        "Bachelor of Science in Computer Engineering • GPA: 3.87/4.0",
                    ),
                ]),
            },
            Section {
                id: "work-experience".into(),
                title: "Work Experience".into(),
                body: SectionBody::Entries(vec![
                    Entry {
                        title: text(vec![Span::strong("Alibaba Group")]),
                        dates: dates("Jun 2020", "Dec 2020"),
                        location: Some("Hangzhou, China".into()),
                        lines: job_lines(
                            "Software Engineer Intern – Search Infrastructure",
                            "C++, LLVM, Tensorflow, Machine Learning System",
                        ),
                        bullets: bullets(&[
                            "Worked on building and optimizing a large-scale distributed search and recommendation system in support of Alibaba's ecommerce websites, including Taobao, TMall, with over 900 million Monthly Active User (MAU).",
                            "Developed an automated Just-In-Time (JIT) compilation system for online rank service by runtime linkage replacement on C++14 applications.",
                            "Use Clang/LLVM based toolchain to give dynamic type hints on containers of feature extractors and generate equivalent high performance static representation for later JIT optimization, which was deployed and validated under 300K peak QPS during 2020 Double Eleventh Day shopping festival ($740 billion GMV in one day).",
                            "Boosted more than 10% performance of entire machine learning inference platform in Alibaba, achieved 100ms 99.96% SLA for the ranking system, saved over 1000 CPU cores in production environment.",
                        ]),
                        roles: vec![],
                    },
                    Entry {
                        title: text(vec![Span::strong("ByteDance (TikTok)")]),
                        dates: dates("Feb 2021", "Jul 2021"),
                        location: Some("Shanghai, China".into()),
                        lines: job_lines(
                            "Software Engineer Intern – Network Infrastructure",
                            "Kernel, Service Mesh, envoy, Virtualization, DPDK, Qemu",
                        ),
                        bullets: bullets(&[
                            "Worked on optimizing service mesh (envoy) performance through kernel bypass and user-level TCP stack.",
                            "Built a glue socket kernel module allowing user use socket API to access DPDK based protocol stack.",
                            "Achieved in average 16% CPU improvement for over 1K micro-service sidecars of Bytedance (TikTok) production system by implementing end-to-end zerocopy for the userspace TCP offload engine.",
                            "Automated CI/CD pipeline by developing a distributed VM testing framework using libvirt and consul.",
                        ]),
                        roles: vec![],
                    },
                    Entry {
                        title: text(vec![Span::strong("Tencent Inc")]),
                        dates: dates("Jun 2019", "Aug 2019"),
                        location: Some("Shenzhen, China".into()),
                        lines: job_lines(
                            "Software Engineer Intern – Product",
                            "Golang, Kubernetes, Python, Protobuf, Message Queue",
                        ),
                        bullets: vec![
                            Text::plain(
                                "Developed a distributed performance testing tool for a RPC framework by providing a JavaScript Runtime and realtime serialization, which later becomes a popular production-grade project used by many teams at Tencent.",
                            ),
                            text(vec![
                                Span::plain(
                                    "Built medical diagnosis services with Golang as a built-in module for the social app WeChat covering more than ",
                                ),
                                Span::strong("30 million users"),
                                Span::plain(
                                    ", which distributed batched user requests to ML inference engines by message queue.",
                                ),
                            ]),
                            Text::plain(
                                "Explored Protobuf + message queue to implement service discovery and load-balance for RPC call.",
                            ),
                            Text::plain(
                                "Deployed ML engines on Kubernetes to support auto scaling and CI triggered rolling update.",
                            ),
                        ],
                        roles: vec![],
                    },
                ]),
            },
            Section {
                id: "projects".into(),
                title: "Projects".into(),
                body: SectionBody::Entries(vec![
                    Entry {
                        title: text(vec![
                            Span::strong("Sieve Project"),
                            Span::plain(" – Research Project – "),
                            link("Link", "https://github.com/sieve-project/sieve"),
                            Span::plain(" – Selected to present at KubeCon 2021"),
                        ]),
                        dates: dates("Jun 2021", "Present"),
                        location: None,
                        lines: keywords("Golang, Kubernetes, Distributed System Correctness"),
                        bullets: vec![
                            Text::plain(
                                "Developed an automated testing tool, which systematically tests Kubernetes controllers to harden them against scenarios like asynchrony, unexpected failures, networking issues, and controller restarts.",
                            ),
                            Text::plain(
                                "Implemented instrument to operators and Kubernetes API server for cluster-wide event collection and analyzing.",
                            ),
                            text(vec![
                                Span::plain(
                                    "The project has already discovered (and led to fixes for) more than ",
                                ),
                                Span::strong("30 safety-critical bugs"),
                                Span::plain(
                                    " in popular Kubernetes controllers for Zookeeper, Cassandra, RabbitMQ, MongoDB, XtraDB, etc.",
                                ),
                            ]),
                        ],
                        roles: vec![],
                    },
                    Entry {
                        title: text(vec![
                            Span::strong("WeirdOS"),
                            Span::plain(" – Course Project – "),
                            link("Link", "https://github.com/laphets/WeirdOS"),
                        ]),
                        dates: dates("Oct 2019", "Dec 2019"),
                        location: None,
                        lines: keywords("C, Assemble(x86), Qemu, Operating Systen, Network Stack"),
                        bullets: bullets(&[
                            "Built a Linux like operating system by providing basic features including: memory paging, read-only filesystem, context switch, Round-robin scheduler, interrupt handlers, system calls.",
                            "Developed advanced extra features: dynamic memory allocator, DOM based GUI, layer1-5 network stack (from NIC driver to HTTP) and an Internet browser by combining GUI and network stack.",
                        ]),
                        roles: vec![],
                    },
                    Entry {
                        title: text(vec![
                            Span::strong("Open-Source Contribution for VSCode and FireFox"),
                            Span::plain(" – Open-Source Contribution"),
                        ]),
                        dates: dates("Aug 2018", "Jun 2019"),
                        location: None,
                        lines: keywords("TypeScript, Electron.js, React.js"),
                        bullets: bullets(&[
                            "Fixed several critical bugs related to git module and search widget in VSCode and DevTools in FireFox. The contribution was thanked by VSCode maintainers through its release notes.",
                            "Became experienced in open-source project contribution and maintenance.",
                        ]),
                        roles: vec![],
                    },
                ]),
            },
            Section {
                id: "technical-skills".into(),
                title: "Technical Skills".into(),
                body: SectionBody::List(
                    skills
                        .iter()
                        .map(|(label, items)| text(vec![Span::strong(*label), Span::plain(*items)]))
                        .collect(),
                ),
            },
        ],
        theme: Theme::default(),
    }
}

/// The words of `doc` in the order a reader meets them on the page: each
/// entry row left to right (title then dates, first line then location).
pub fn reading_order(doc: &Document) -> Vec<String> {
    fn entry(e: &Entry, out: &mut String) {
        out.push_str(&format!("{}\n", e.title.to_plain()));
        if let Some(d) = &e.dates {
            out.push_str(&format!("{}\n", d.display()));
        }
        if let Some(l) = e.lines.first() {
            out.push_str(&format!("{}\n", l.text.to_plain()));
        }
        if let Some(l) = &e.location {
            out.push_str(&format!("{l}\n"));
        }
        for l in e.lines.iter().skip(1) {
            out.push_str(&format!("{}\n", l.text.to_plain()));
        }
        for b in &e.bullets {
            out.push_str(&format!("{}\n", b.to_plain()));
        }
        for r in &e.roles {
            entry(r, out);
        }
    }
    let mut s = format!("{}\n", doc.header.name);
    if let Some(h) = &doc.header.headline {
        s.push_str(&format!("{h}\n"));
    }
    for c in &doc.header.contacts {
        s.push_str(&format!("{}\n", c.text));
    }
    for section in &doc.sections {
        s.push_str(&format!("{}\n", section.title));
        match &section.body {
            SectionBody::Entries(es) => es.iter().for_each(|e| entry(e, &mut s)),
            SectionBody::Paragraphs(ps) | SectionBody::List(ps) => {
                for p in ps {
                    s.push_str(&format!("{}\n", p.to_plain()));
                }
            }
        }
    }
    ooxml::tokens(&s)
}
