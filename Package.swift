// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "civicpost",
    products: [
        .executable(name: "civicpost", targets: ["civicpost"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C libraries: module maps only.
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // libdeflate, to compress the objects of the packfiles the records archive writes
        // (zlib format, 2.4 times zlib's fastest level here; README, "Speed").
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        // mimalloc, linked into the command only: it replaces malloc for the whole process
        // (Swift, libgit2, libdeflate, cmark-gfm, libyaml). README, "Speed", says why.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // syncfs(2), which Swift's Glibc module does not declare.
        .target(name: "CFileSync"),

        // A thread-local bump allocator for cmark-gfm parses (cmark_mem has no context pointer,
        // so it cannot be written in Swift without thread-local lookups on every allocation).
        .target(name: "CCmarkArena", dependencies: ["CCmark"]),

        // git_libgit2_opts, which Swift cannot call (it is variadic).
        .target(name: "CGitOptions", dependencies: ["CGit2"]),

        // Git objects through libgit2; owns every libgit2 pointer.
        .target(
            name: "CivicGit",
            dependencies: ["CGit2", "CGitOptions", "CDeflate", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Markdown through cmark-gfm: one parse, safe HTML, plain text, links with positions.
        .target(name: "CivicMarkdown", dependencies: ["CCmark", "CCmarkArena"]),
        // The policy: content model and every rule. Pure: no git, no files, no clock.
        .target(
            name: "CivicPolicy",
            dependencies: ["CivicMarkdown", .product(name: "Yams", package: "Yams")]
        ),
        // The sample city, embedded in the binary (generated from the top-level files).
        .target(name: "CivicDefaults", plugins: ["EmbedDefaults"]),
        // Site, feeds, queue files and records.
        .target(
            name: "CivicPublish",
            dependencies: [
                "CivicPolicy", "CivicMarkdown", "CFileSync",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What the commands do: staged, range and full checks, approval, publishing, init, demo.
        .target(
            name: "CivicWorkflow",
            dependencies: [
                "CivicGit", "CivicPolicy", "CivicPublish", "CivicDefaults",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command line: thin.
        .executableTarget(
            name: "civicpost",
            dependencies: [
                "CivicWorkflow", "CivicPolicy", "CMimalloc", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Build-time embedding of the sample city.
        .executableTarget(name: "EmbedDefaultsTool", path: "Sources/EmbedDefaultsTool"),
        .plugin(name: "EmbedDefaults", capability: .buildTool(), dependencies: ["EmbedDefaultsTool"]),

        // Tests.
        .target(name: "CivicTestSupport", dependencies: ["CivicPolicy"], path: "Tests/CivicTestSupport"),
        .testTarget(name: "CivicMarkdownTests", dependencies: ["CivicMarkdown"]),
        .testTarget(name: "CivicPolicyTests", dependencies: ["CivicPolicy", "CivicTestSupport"]),
        .testTarget(name: "CivicGitTests", dependencies: ["CivicGit", "CivicTestSupport"]),
        .testTarget(
            name: "CivicWorkflowTests",
            dependencies: ["CivicWorkflow", "CivicGit", "CivicDefaults", "CivicTestSupport"],
            exclude: ["Golden", "Schemas"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["CivicTestSupport"]),
    ]
)
