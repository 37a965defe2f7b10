//! The seed résumé built by hand as a Document, mirroring what lowering
//! makes of `resume/wenqing-luo.toml`, for tests and benchmarks of this crate
//! alone.

#![allow(dead_code)]

use resume_document::{
    Contact, ContactKind, DatePoint, DateRange, Document, Entry, Header, Line, LineKind, Meta,
    Section, SectionBody, Span, Text, Theme,
};

fn text(parts: &[(&str, bool)]) -> Text {
    Text {
        spans: parts
            .iter()
            .map(|&(t, strong)| {
                if strong {
                    Span::strong(t)
                } else {
                    Span::plain(t)
                }
            })
            .collect(),
    }
}

fn plain(s: &str) -> Text {
    Text::plain(s)
}

fn linked(before: &str, link: &str, url: &str, after: &str) -> Text {
    Text {
        spans: vec![
            Span::plain(before),
            Span {
                text: link.into(),
                link: Some(url.into()),
                ..Span::default()
            },
            Span::plain(after),
        ],
    }
}

pub fn dates(start: &str, end: &str) -> Option<DateRange> {
    Some(DateRange {
        start: Some(DatePoint {
            display: start.into(),
            iso: None,
        }),
        end: Some(DatePoint {
            display: end.into(),
            iso: None,
        }),
        separator: " – ".into(),
    })
}

fn line(kind: LineKind, s: &str) -> Line {
    Line {
        text: plain(s),
        kind,
    }
}

pub fn entry(
    title: Text,
    when: Option<DateRange>,
    location: Option<&str>,
    lines: Vec<Line>,
    bullets: &[Text],
) -> Entry {
    Entry {
        title,
        dates: when,
        location: location.map(str::to_owned),
        lines,
        bullets: bullets.to_vec(),
        roles: Vec::new(),
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
    let education = vec![
        entry(
            plain("University of Illinois at Urbana-Champaign • Urbana, IL"),
            dates("August 2021", "May 2023"),
            None,
            vec![line(
                LineKind::Subtitle,
                "Master of Science in Computer Science",
            )],
            &[],
        ),
        entry(
            plain("University of Illinois at Urbana-Champaign • Urbana, IL"),
            dates("August 2017", "May 2021"),
            None,
            vec![line(
                LineKind::Subtitle,
                "Bachelor of Science in Computer Engineering • GPA: 3.95/4.0 • Highest Honor",
            )],
            &[],
        ),
        entry(
            plain("Zhejiang University • Hangzhou, China"),
            dates("August 2017", "May 2021"),
            None,
            vec![line(
                LineKind::Subtitle,
                "Bachelor of Science in Computer Engineering • GPA: 3.87/4.0",
            )],
            &[],
        ),
    ];
    let work = vec![
        entry(
            text(&[
                ("Alibaba Group", true),
                (" Software Engineer Intern – Search Infrastructure", false),
            ]),
            dates("Jun 2020", "Dec 2020"),
            Some("Hangzhou, China"),
            vec![line(
                LineKind::Keywords,
                "C++, LLVM, Tensorflow, Machine Learning System",
            )],
            &[
                plain(
                    "Worked on building and optimizing a large-scale distributed search and recommendation system in support of Alibaba's ecommerce websites, including Taobao, TMall, with over 900 million Monthly Active User (MAU).",
                ),
                plain(
                    "Developed an automated Just-In-Time (JIT) compilation system for online rank service by runtime linkage replacement on C++14 applications.",
                ),
                plain(
                    "Use Clang/LLVM based toolchain to give dynamic type hints on containers of feature extractors and generate equivalent high performance static representation for later JIT optimization, which was deployed and validated under 300K peak QPS during 2020 Double Eleventh Day shopping festival ($740 billion GMV in one day).",
                ),
                plain(
                    "Boosted more than 10% performance of entire machine learning inference platform in Alibaba, achieved 100ms 99.96% SLA for the ranking system, saved over 1000 CPU cores in production environment.",
                ),
            ],
        ),
        entry(
            text(&[
                ("ByteDance (TikTok)", true),
                (" Software Engineer Intern – Network Infrastructure", false),
            ]),
            dates("Feb 2021", "Jul 2021"),
            Some("Shanghai, China"),
            vec![line(
                LineKind::Keywords,
                "Kernel, Service Mesh, envoy, Virtualization, DPDK, Qemu",
            )],
            &[
                plain(
                    "Worked on optimizing service mesh (envoy) performance through kernel bypass and user-level TCP stack.",
                ),
                plain(
                    "Built a glue socket kernel module allowing user use socket API to access DPDK based protocol stack.",
                ),
                plain(
                    "Achieved in average 16% CPU improvement for over 1K micro-service sidecars of Bytedance (TikTok) production system by implementing end-to-end zerocopy for the userspace TCP offload engine.",
                ),
                plain(
                    "Automated CI/CD pipeline by developing a distributed VM testing framework using libvirt and consul.",
                ),
            ],
        ),
        entry(
            text(&[
                ("Tencent Inc", true),
                (" Software Engineer Intern – Product", false),
            ]),
            dates("Jun 2019", "Aug 2019"),
            Some("Shenzhen, China"),
            vec![line(
                LineKind::Keywords,
                "Golang, Kubernetes, Python, Protobuf, Message Queue",
            )],
            &[
                plain(
                    "Developed a distributed performance testing tool for a RPC framework by providing a JavaScript Runtime and realtime serialization, which later becomes a popular production-grade project used by many teams at Tencent.",
                ),
                text(&[
                    (
                        "Built medical diagnosis services with Golang as a built-in module for the social app WeChat covering more than ",
                        false,
                    ),
                    ("30 million users", true),
                    (
                        ", which distributed batched user requests to ML inference engines by message queue.",
                        false,
                    ),
                ]),
                plain(
                    "Explored Protobuf + message queue to implement service discovery and load-balance for RPC call.",
                ),
                plain(
                    "Deployed ML engines on Kubernetes to support auto scaling and CI triggered rolling update.",
                ),
            ],
        ),
    ];
    let projects = vec![
        entry(
            linked(
                "Sieve Project – Research Project – ",
                "Link",
                "https://github.com/sieve-project/sieve",
                " – Selected to present at KubeCon 2021",
            ),
            Some(DateRange {
                start: Some(DatePoint {
                    display: "Jun 2021".into(),
                    iso: Some("2021-06".into()),
                }),
                end: Some(DatePoint {
                    display: "Present".into(),
                    iso: None,
                }),
                separator: " – ".into(),
            }),
            None,
            vec![line(
                LineKind::Keywords,
                "Golang, Kubernetes, Distributed System Correctness",
            )],
            &[
                plain(
                    "Developed an automated testing tool, which systematically tests Kubernetes controllers to harden them against scenarios like asynchrony, unexpected failures, networking issues, and controller restarts.",
                ),
                plain(
                    "Implemented instrument to operators and Kubernetes API server for cluster-wide event collection and analyzing.",
                ),
                text(&[
                    (
                        "The project has already discovered (and led to fixes for) more than ",
                        false,
                    ),
                    ("30 safety-critical bugs", true),
                    (
                        " in popular Kubernetes controllers for Zookeeper, Cassandra, RabbitMQ, MongoDB, XtraDB, etc.",
                        false,
                    ),
                ]),
            ],
        ),
        entry(
            linked(
                "WeirdOS – Course Project – ",
                "Link",
                "https://github.com/laphets/WeirdOS",
                "",
            ),
            dates("Oct 2019", "Dec 2019"),
            None,
            vec![line(
                LineKind::Keywords,
                "C, Assemble(x86), Qemu, Operating Systen, Network Stack",
            )],
            &[
                plain(
                    "Built a Linux like operating system by providing basic features including: memory paging, read-only filesystem, context switch, Round-robin scheduler, interrupt handlers, system calls.",
                ),
                plain(
                    "Developed advanced extra features: dynamic memory allocator, DOM based GUI, layer1-5 network stack (from NIC driver to HTTP) and an Internet browser by combining GUI and network stack.",
                ),
            ],
        ),
        entry(
            plain("Open-Source Contribution for VSCode and FireFox – Open-Source Contribution"),
            dates("Aug 2018", "Jun 2019"),
            None,
            vec![line(
                LineKind::Keywords,
                "TypeScript, Electron.js, React.js",
            )],
            &[
                plain(
                    "Fixed several critical bugs related to git module and search widget in VSCode and DevTools in FireFox. The contribution was thanked by VSCode maintainers through its release notes.",
                ),
                plain("Became experienced in open-source project contribution and maintenance."),
            ],
        ),
    ];
    let skills = vec![
        text(&[
            ("Programming languages: ", true),
            ("C/C++, Python, Golang, Rust, JavaScript, TypeScript", false),
        ]),
        text(&[
            ("System & Cloud: ", true),
            (
                "Docker, Kubernetes, Linux kernel, LLVM, UNIX network programming, Qemu, DPDK",
                false,
            ),
        ]),
        text(&[
            ("Web Development: ", true),
            (
                "Git, Node.js, Golang, SQL, React.js, Vue.js, MongoDB, Redis, RabbitMQ, Protobuf",
                false,
            ),
        ]),
    ];
    Document {
        meta: Meta {
            title: "Wenqing Luo — Résumé".into(),
            author: "Wenqing Luo".into(),
            subject: "Résumé of Wenqing Luo".into(),
            keywords: ["C/C++", "Python", "Golang", "Rust", "Kubernetes", "LLVM"]
                .map(String::from)
                .to_vec(),
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
                    "tel:+1-217-200-3227",
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
                    "https://laphets.github.io",
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
