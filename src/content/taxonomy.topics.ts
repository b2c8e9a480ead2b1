/**
 * The project's topic taxonomy as data: what a partner can subscribe to, and the
 * terms and domains that place a link in each topic. Terms are regular-expression
 * fragments matched as whole words, case-insensitively unless listed under `cased`;
 * words too common to trust in a summary are listed under `titleTerms`. Each term
 * starts with a literal letter or digit and has no top-level `|`, so that it can be
 * indexed by its first letters.
 */

export interface TopicDefinition {
  slug: string;
  name: string;
  /** Specific terms that place a link in the topic wherever they appear, title or summary. */
  terms?: readonly string[];
  /** Terms whose capitalisation carries the meaning ("Go", "Meta", "SEC"), in title or summary. */
  cased?: readonly string[];
  /** Broad terms that are only reliable in the title ("cloud", "performance"). */
  titleTerms?: readonly string[];
  /** Sites (and their subdomains) whose links belong to the topic. */
  domains?: readonly string[];
}

export const TOPIC_DEFINITIONS: readonly TopicDefinition[] = [
  {
    slug: 'ai',
    name: 'Artificial Intelligence',
    terms: ['artificial intelligence', 'machine learning', 'deep learning', 'neural net(?:work)?s?', 'AI', 'ML', 'AGI', 'gen ?AI', 'AI-\\w+', 'openai', 'anthropic', 'deepmind', 'xai', 'hugging ?face', 'pytorch', 'tensorflow', 'jax', 'model weights', 'open[- ]weights?', 'fine-?tun(?:e|ed|es|ing)', 'inference', 'reinforcement learning', 'RL', 'computer vision', 'multimodal'],
    domains: ['openai.com', 'anthropic.com', 'deepmind.google', 'huggingface.co', 'x.ai', 'mistral.ai'],
  },
  {
    slug: 'llm',
    name: 'Large Language Models',
    terms: ['llms?', 'large language models?', 'language models?', 'small language models?', 'chatgpt', 'gpt-?\\d[\\w.]*', 'gpt', 'claude', 'gemini', 'gemma', 'llama ?\\d*', 'mistral', 'deepseek', 'qwen', 'grok', 'kimi', 'copilot', 'chatbots?', 'prompts?', 'prompting', 'system prompts?', 'context windows?', 'reasoning models?', 'RAG', 'retrieval[- ]augmented', 'embeddings?', 'transformers?', 'frontier models?', 'foundation models?', 'tokens? per second', 'tokenizers?'],
  },
  {
    slug: 'ai-agents',
    name: 'AI Agents',
    terms: ['ai agents?', 'coding agents?', 'autonomous agents?', 'agentic', 'multi-agent', 'sub-?agents?', 'MCP', 'model context protocol', 'computer use', 'claude code', 'codex', 'windsurf', 'coding assistants?', 'ai coding', 'vibe[- ]cod(?:e|ing)', 'tool calling', 'function calling', 'agent (?:frameworks?|workflows?|runtimes?|sdks?)'],
    cased: ['Cursor'],
    titleTerms: ['agents?'],
  },
  {
    slug: 'generative-media',
    name: 'Generative Images, Video & Audio',
    terms: ['text-to-(?:image|video|speech|audio|music|3d)', 'image-to-video', 'image generat(?:ion|ors?)', 'video generat(?:ion|ors?)', 'music generat(?:ion|ors?)', 'audio generat(?:ion|ors?)', 'speech generat(?:ion|ors?)', 'generat(?:e|es|ed|ing) (?:images|videos?|music)', 'image models?', 'video models?', 'diffusion', 'midjourney', 'dall-?e', 'sora', 'veo ?\\d*', 'imagen', 'adobe firefly', 'voice clon\\w+', 'text to speech', 'speech synthesis', 'tts', 'inpainting', 'deepfake\\w*', 'waveform generation', 'audio models?', 'novel view synthesis', '3d (?:generation|reconstruction|assets?|scenes?)', 'ai avatars?', 'video avatars?', 'digital (?:replicas?|twins?)', 'voice models?'],
  },
  {
    slug: 'ai-safety',
    name: 'AI Safety & Alignment',
    terms: ['ai safety', 'ai alignment', 'misalign\\w*', 'jailbreak\\w*', 'red[- ]team\\w*', 'hallucinat\\w+', 'interpretability', 'ai risks?', 'existential risk', 'superintelligen\\w+', 'prompt injection', 'model welfare', 'sycophan\\w+', 'ai (?:safety|security) institute'],
    titleTerms: ['alignment', 'safety', 'safeguards?', 'guardrails?'],
    domains: ['lesswrong.com', 'alignmentforum.org'],
  },
  {
    slug: 'research',
    name: 'Research & Papers',
    terms: ['arxiv', 'preprints?', 'peer[- ]reviewed', 'technical report', 'this paper', 'the paper', 'new paper', 'research paper', 'the authors', 'researchers (?:at|from)', 'published in', 'state[- ]of[- ]the[- ]art', 'sota', 'ablations?'],
    titleTerms: ['research', 'researchers', 'papers?', 'study', 'studies', 'benchmarks?', 'scientists?', 'survey'],
    domains: ['arxiv.org', 'openreview.net', 'nature.com', 'science.org', 'paperswithcode.com', 'acm.org', 'ieee.org', 'research.google'],
  },
  {
    slug: 'security',
    name: 'Security',
    terms: ['security', 'cyber\\w*', 'vulnerabilit(?:y|ies)', 'vulnerable', 'exploit(?:s|ed|ing|ation)?', 'CVE-\\d{4}-\\d+', 'cves?', 'cvss', 'malware', 'malicious', 'ransomware', 'spyware', 'infostealers?', 'botnets?', 'backdoor\\w*', 'breach(?:es|ed)?', 'hacked', 'hackers', 'phishing', 'zero-days?', '0-days?', 'threat actors?', 'threat intel\\w*', 'attackers?', 'apt\\d+', 'trojan\\w*', 'rootkits?', 'supply[- ]chain attacks?', 'authentication bypass', 'remote code execution', 'rce', 'xss', 'sql injection', 'prompt injection', 'privilege escalation', 'pentest\\w*', 'penetration test\\w*', 'infosec', 'appsec', 'siem', 'soc', 'security operations', 'edr', 'xdr', 'iam', 'identity and access management', 'incident response', 'encrypt(?:ed|ion|s)?', 'cryptograph\\w*', 'passkeys?', 'passwords?', 'credentials', 'mfa', '2fa', 'zero trust', 'data leaks?', 'leaked (?:data|credentials|passwords|records|keys|secrets)', 'stolen (?:data|credentials|files|records|tokens|keys)', 'compromised', 'patch(?:ed|es)? (?:a |the )?(?:flaws?|bugs?|vulnerabilit\\w+)', 'flaws?', 'secrets management'],
    titleTerms: ['hack', 'hacks', 'hacking', 'attacks?', 'leaks?', 'sandbox\\w*', 'secure'],
    domains: ['bleepingcomputer.com', 'krebsonsecurity.com', 'darkreading.com', 'securityaffairs.com', 'thehackernews.com', 'securityweek.com', 'therecord.media', 'csoonline.com', 'cybernews.com', 'hackread.com', 'unit42.paloaltonetworks.com', 'schneier.com', 'portswigger.net', 'sans.org', 'cisa.gov'],
  },
  {
    slug: 'privacy',
    name: 'Privacy',
    terms: ['privacy', 'private data', 'personal data', 'personal information', 'user data', 'data protection', 'gdpr', 'ccpa', 'surveillance', 'facial recognition', 'data brokers?', 'de-?anonymi[sz]\\w*', 'end-to-end encrypt\\w*', 'e2ee'],
    titleTerms: ['tracking', 'trackers?', 'consent', 'anonym\\w+'],
  },
  {
    slug: 'rust',
    name: 'Rust',
    terms: ['rust(?:lang)?', 'rustc', 'crates?\\.io', 'tokio', 'rust-based', 'cargo (?:build|crates?|workspaces?)'],
    domains: ['rust-lang.org', 'this-week-in-rust.org', 'docs.rs', 'crates.io'],
  },
  {
    slug: 'go',
    name: 'Go',
    terms: ['golang', 'goroutines?'],
    cased: ['Go (?:1\\.\\d+|programs?|code|modules?|developers?|services?|runtime|compiler|generics|team|binar(?:y|ies))', 'in Go', 'with Go', 'using Go', 'for Go', 'from Go', "Go's", 'Go-based'],
    domains: ['go.dev', 'golang.org'],
  },
  {
    slug: 'python',
    name: 'Python',
    terms: ['python\\d*', 'cpython', 'pypi', 'pip install', 'django', 'flask', 'fastapi', 'pandas', 'numpy', 'jupyter', 'pydantic', 'polars', 'pyspark', 'the gil'],
    domains: ['python.org', 'pypi.org', 'realpython.com'],
  },
  {
    slug: 'javascript',
    name: 'JavaScript & TypeScript',
    terms: ['javascript', 'typescript', 'ecmascript', 'node\\.?js', 'deno', 'npm', 'react native', 'next\\.js', 'vue\\.js', 'svelte\\w*', 'vite', 'webpack', 'tailwind\\w*', 'jsx', 'v8'],
    cased: ['React', 'Angular', 'Vue'],
    domains: ['npmjs.com', 'nodejs.org', 'deno.com', 'react.dev', 'vercel.com'],
  },
  {
    slug: 'programming-languages',
    name: 'Programming Languages',
    terms: ['programming languages?', 'compilers?', 'interpreters?', 'type systems?', 'type checker', 'garbage collect\\w*', 'llvm', 'webassembly', 'wasm', 'zig', 'c\\+\\+', 'java', 'jvm', 'kotlin', 'haskell', 'ocaml', 'elixir', 'erlang', 'scala', 'clojure', 'lisp', 'c#', 'fortran', 'cobol', 'ruby', 'php', 'spring boot', 'spring framework', 'rust', 'golang', 'python', 'typescript', 'javascript'],
    cased: ['Swift', 'Go (?:1\\.\\d+|generics|compiler|runtime)'],
  },
  {
    slug: 'software-engineering',
    name: 'Software Engineering',
    terms: ['software engineering', 'code reviews?', 'refactor\\w*', 'technical debt', 'tech debt', 'software architecture', 'microservices?', 'monoliths?', 'design patterns?', 'api design', 'unit tests?', 'integration tests?', 'end-to-end tests?', 'test suites?', 'test coverage', 'tdd', 'code quality', 'legacy (?:code|systems?)', 'codebases?', 'engineering (?:teams?|culture|practices|blog)', 'pull requests?', 'monorepos?', 'distributed systems?', 'system design', 'software development', 'stack overflow', 'test data', 'mocks', 'mocking', 'simd'],
    titleTerms: ['architecture', 'testing', 'tests', 'debugging', 'performance', 'latency', 'scal(?:e|ing|ability)', 'migrations?', 'engineering', 'concurrency', 'caching', 'bugs?', 'code', 'coding', 'coders?', 'software', 'developers?', 'programmers?', 'programming', 'test'],
    domains: ['martinfowler.com', 'infoq.com', 'engineering.fb.com', 'netflixtechblog.com', 'dropbox.tech', 'github.blog', 'stackoverflow.blog'],
  },
  {
    slug: 'developer-tools',
    name: 'Developer Tools',
    terms: ['developer tools?', 'dev ?tools', 'ides?', 'vs ?code', 'visual studio', 'jetbrains', 'neovim', 'vim', 'emacs', 'git', 'linters?', 'formatters?', 'package managers?', 'xcode', 'debuggers?', 'developer experience', 'devex', 'command[- ]line tools?', 'copilot', 'code editors?'],
    cased: ['Cursor'],
    titleTerms: ['apis?', 'sdks?', 'cli', 'terminal', 'profil(?:er|ing)', 'dx', 'github', 'gitlab'],
    domains: ['github.blog', 'code.visualstudio.com', 'jetbrains.com'],
  },
  {
    slug: 'open-source',
    name: 'Open Source',
    terms: ['open[- ]sourc(?:e|ed|ing)', 'oss', 'open weights?', 'open-weight', 'apache (?:2\\.0|license|software foundation)', 'apache \\w+', 'mit license', 'gpl', 'agpl', 'maintainers?', 'foss', 'linux foundation', 'cncf', 'source-available'],
    titleTerms: ['forks?', 'forked'],
    domains: ['github.com', 'gitlab.com', 'codeberg.org', 'sourceforge.net', 'apache.org'],
  },
  {
    slug: 'web',
    name: 'Web & Browsers',
    terms: ['browsers?', 'chrome', 'chromium', 'firefox', 'safari', 'webkit', 'css', 'html', 'web development', 'web developers?', 'frontend', 'front-end', 'web apps?', 'web standards', 'the dom', 'dom apis?', 'http/?[23]', 'websockets?', 'webassembly', 'pwas?', 'seo', 'web platform', 'web components?'],
    titleTerms: ['websites?', 'the web', 'web'],
    domains: ['developer.mozilla.org', 'web.dev', 'developer.chrome.com', 'css-tricks.com', 'smashingmagazine.com'],
  },
  {
    slug: 'mobile',
    name: 'Mobile',
    terms: ['ios(?: \\d+)?', 'ipados', 'android', 'iphones?', 'ipads?', 'smartphones?', 'pixel \\d+', 'app store', 'play store', 'mobile apps?', 'swiftui', 'kotlin', 'react native', 'flutter', 'carplay', 'apple watch', 'wearables?'],
    cased: ['Galaxy (?:S\\d+|Z|Tab|Watch|Ring)'],
    titleTerms: ['mobile', 'phones?'],
    domains: ['9to5mac.com', '9to5google.com', 'macrumors.com', 'androidpolice.com', 'androidauthority.com'],
  },
  {
    slug: 'cloud',
    name: 'Cloud',
    terms: ['aws', 'amazon web services', 'azure', 'google cloud', 'gcp', 'cloud computing', 'cloud providers?', 'hyperscalers?', 'multi-?cloud', 'hybrid cloud', 'serverless', 's3', 'ec2', 'aws lambda', 'lambda functions?', 'cloud run', 'cloudflare', 'oracle cloud', 'data ?cent(?:er|re)s?', 'finops', 'cloud costs?', 'cloud-native', 'iaas', 'paas', 'amazon bedrock', 'aws bedrock', 'bedrock (?:agentcore|agents?|models?)', 'vertex ai', 'digitalocean'],
    titleTerms: ['cloud'],
    domains: ['aws.amazon.com', 'cloud.google.com', 'azure.microsoft.com', 'blog.cloudflare.com', 'digitalocean.com'],
  },
  {
    slug: 'kubernetes',
    name: 'Kubernetes & Containers',
    terms: ['kubernetes', 'k8s', 'kubectl', 'helm charts?', 'gke', 'eks', 'aks', 'ecs', 'openshift', 'containers?', 'containeri[sz]\\w+', 'docker\\w*', 'service mesh', 'istio', 'envoy proxy', 'argo ?cd', 'karpenter', 'oci (?:images?|artifacts?)', 'cncf'],
    titleTerms: ['pods?', 'clusters?'],
    domains: ['kubernetes.io', 'cncf.io', 'docker.com'],
  },
  {
    slug: 'devops',
    name: 'DevOps & Infrastructure',
    terms: ['devops', 'devsecops', 'ci/cd', 'continuous (?:integration|delivery|deployment)', 'terraform', 'opentofu', 'pulumi', 'ansible', 'infrastructure as code', 'iac', 'github actions', 'jenkins', 'gitops', 'platform engineering', 'platform teams?', 'internal developer platforms?', 'sre', 'site reliability', 'release engineering', 'feature flags?', 'rollbacks?', 'outages?', 'downtime', 'self-host\\w*', 'deployment pipelines?', 'build pipelines?', 'infrastructure teams?'],
    titleTerms: ['pipelines?', 'deployments?', 'infrastructure', 'ci', 'cd'],
    domains: ['hashicorp.com', 'platformengineering.org', 'thenewstack.io', 'harness.io'],
  },
  {
    slug: 'observability',
    name: 'Observability & Reliability',
    terms: ['observability', 'infrastructure monitoring', 'application monitoring', 'performance monitoring', 'uptime monitoring', 'synthetic monitoring', 'apm', 'opentelemetry', 'otel', 'telemetry', 'tracing', 'prometheus', 'grafana', 'datadog', 'new relic', 'honeycomb', 'alerting', 'on-?call', 'post-?mortems?', 'slos?', 'slis?', 'ebpf', 'root cause', 'incident (?:management|response|reviews?)', 'mttr'],
    titleTerms: ['monitoring', 'metrics', 'logs', 'logging', 'traces', 'alerts?', 'incidents?', 'reliability', 'dashboards?'],
    domains: ['grafana.com', 'datadoghq.com', 'newrelic.com', 'honeycomb.io', 'chronosphere.io'],
  },
  {
    slug: 'databases',
    name: 'Databases',
    terms: ['databases?', 'postgres(?:ql)?', 'mysql', 'mariadb', 'sqlite', 'mongodb', 'redis', 'valkey', 'dynamodb', 'cassandra', 'clickhouse', 'duckdb', 'cockroachdb', 'sql', 'nosql', 'query (?:engines?|planners?|optimi[sz]\\w+|performance|plans?)', 'b-?trees?', 'acid', 'replication', 'sharding', 'vector (?:databases?|search|stores?|index(?:es)?)', 'strong consistency', 'eventual consistency', 'linearizab\\w+', 'select \\*', 'oltp', 'olap', 'key-value', 'wal', 'write-ahead logs?', 'rocksdb', 'supabase'],
    titleTerms: ['queries', 'indexes', 'indexing', 'transactions?', 'schemas?', 'storage'],
    domains: ['postgresql.org', 'mongodb.com', 'redis.io', 'duckdb.org', 'clickhouse.com', 'planetscale.com', 'supabase.com', 'neon.com'],
  },
  {
    slug: 'data-engineering',
    name: 'Data Engineering & Analytics',
    terms: ['data engineer(?:s|ing)?', 'data pipelines?', 'etl', 'elt', 'data warehouses?', 'warehousing', 'data lakes?', 'lakehouses?', 'delta lake', 'hudi', 'parquet', 'apache arrow', 'pyspark', 'spark sql', 'kafka', 'flink', 'airflow', 'dagster', 'dbt', 'snowflake', 'databricks', 'bigquery', 'redshift', 'trino', 'presto', 'stream processing', 'streaming (?:data|pipelines?|ingestion)', 'batch processing', 'data quality', 'data catalogs?', 'data governance', 'data contracts?', 'data model(?:s|ing|ling)?', 'semantic layers?', 'analytics', 'business intelligence', 'data teams?', 'data science', 'data scientists?', 'change data capture', 'backfills?', 'data platforms?', 'data infrastructure', 'data products?', 'data mesh', 'ingestion'],
    cased: ['Iceberg', 'Spark'],
    titleTerms: ['dashboards?', 'orchestration', 'streaming'],
    domains: ['databricks.com', 'snowflake.com', 'getdbt.com', 'confluent.io', 'moderndata101.substack.com', 'seattledataguy.substack.com'],
  },
  {
    slug: 'linux-os',
    name: 'Linux & Operating Systems',
    terms: ['linux', 'linux kernel', 'kernel (?:modules?|drivers?|patch(?:es)?|developers?|maintainers?)', 'operating systems?', 'macos', 'chromeos', 'chrome os', 'unix', 'freebsd', 'openbsd', 'ubuntu', 'debian', 'fedora', 'red hat', 'systemd', 'file ?systems?', 'syscalls?', 'io_uring', 'posix'],
    cased: ['Windows(?: \\d+)?'],
    titleTerms: ['os', 'kernel'],
    domains: ['lwn.net', 'kernel.org'],
  },
  {
    slug: 'networking',
    name: 'Networking',
    terms: ['networking', 'computer networks?', 'network (?:engineers?|traffic|protocols?|stack|latency|infrastructure|throttling|security|outages?)', 'dns', 'bgp', 'tcp', 'udp', 'quic', 'ipv[46]', 'cdns?', 'load balanc\\w+', 'vpns?', 'firewalls?', 'internet service providers?', 'isps?', 'broadband', 'fiber(?:-optic| optic)?', 'subsea cables?', 'undersea cables?', '5g', '6g', 'wi-?fi', 'byoip', 'anycast', 'internet traffic', 'bot traffic'],
    titleTerms: ['network', 'packets?', 'bandwidth', 'routers?', 'internet'],
    domains: ['blog.cloudflare.com'],
  },
  {
    slug: 'chips',
    name: 'Chips & Semiconductors',
    terms: ['chips?', 'chipmakers?', 'semiconductors?', 'gpus?', 'tpus?', 'npus?', 'cpus?', 'nvidia', 'tsmc', 'amd', 'qualcomm', 'asml', 'risc-v', 'silicon (?:wafers?|photonics|chips?)', 'apple silicon', 'custom silicon', 'wafers?', 'chip fabs?', 'foundries', 'h100s?', 'h200s?', 'b200s?', 'gb200', 'blackwell', 'cuda', 'hbm', 'transistors?', 'ai accelerators?', 'hardware accelerators?', 'm\\d (?:chip|pro|max|ultra)'],
    cased: ['Arm', 'Intel', "Intel's"],
    titleTerms: ['processors?', 'fabs?'],
    domains: ['tomshardware.com', 'semianalysis.com', 'anandtech.com'],
  },
  {
    slug: 'hardware',
    name: 'Hardware & Devices',
    terms: ['hardware', 'gadgets?', 'laptops?', 'macbooks?', 'iphones?', 'ipads?', 'smartphones?', 'headsets?', 'vision pro', 'smart glasses', 'wearables?', 'earbuds', 'airpods', 'game consoles?', 'keyboards?', 'raspberry pi', 'arduino', 'ssds?', 'memory chips?', 'printers?', '3d print\\w*', 'e-?readers?', 'smartwatch\\w*'],
    cased: ['PCs?', 'RAM', 'DRAM'],
    titleTerms: ['devices?', 'displays?', 'screens?', 'cameras?', 'sensors?', 'batter(?:y|ies)', 'consoles?'],
    domains: ['tomshardware.com', 'engadget.com'],
  },
  {
    slug: 'robotics',
    name: 'Robotics',
    terms: ['robots?', 'robotic\\w*', 'humanoids?', 'optimus', 'boston dynamics', 'figure ai', 'drones?', 'exoskeletons?', 'embodied (?:ai|agents?)', 'robot arms?'],
  },
  {
    slug: 'transportation',
    name: 'Transportation & Autonomous Vehicles',
    terms: ['self-driving', 'autonomous (?:vehicles?|driving|cars?|trucks?)', 'robotaxis?', 'waymo', 'full self-driving', 'fsd', 'tesla autopilot', 'electric vehicles?', 'evs?', 'rivian', 'byd', 'lidar', 'cars?', 'automakers?', 'vehicles?', 'airlines?', 'aircraft', 'aviation', 'supersonic', 'jets?', 'airports?', 'high-speed rail', 'railways?', 'trucking', 'ride-?hailing', 'uber', 'lyft', 'e-?bikes?', 'scooters?'],
    cased: ['Cruise'],
  },
  {
    slug: 'space',
    name: 'Space',
    terms: ['outer space', 'space (?:industry|agency|exploration|travel|flight|telescopes?|race|force|station|tourism|startups?|companies|company|missions?|launch(?:es)?|debris|weather)', 'in space', 'into space', 'to space', 'from space', 'spacex', 'nasa', 'esa', 'blue origin', 'rocket lab', 'rockets?', 'starship', 'falcon \\d+', 'satellites?', 'starlink', 'orbit(?:al|s|ing)?', 'low earth orbit', 'mars', 'moon', 'lunar', 'astronauts?', 'telescopes?', 'james webb', 'jwst', 'asteroids?', 'comets?', 'galax(?:y|ies)', 'exoplanets?', 'spacecraft', 'space station', 'iss', 'solar system'],
    titleTerms: ['space', 'planets?'],
    domains: ['nasa.gov', 'space.com', 'spacenews.com'],
  },
  {
    slug: 'science',
    name: 'Science & Health',
    terms: ['biology', 'biolog(?:ist|ists|ical)', 'physics', 'physicists?', 'chemistry', 'chemists?', 'genes?', 'genetic\\w*', 'genom\\w+', 'dna', 'rna', 'crispr', 'proteins?', 'neuroscien\\w+', 'medicine', 'medical', 'healthcare', 'public health', 'disease\\w*', 'cancer', 'drug (?:discovery|development|trials?)', 'clinical', 'patients?', 'doctors?', 'vaccines?', 'species', 'evolutionary', 'fossils?', 'mice', 'scientists', 'biotech\\w*', 'brain (?:implants?|cells?|activity|scans?)', 'neurons', 'extinct\\w*', 'climate scientists?', 'mathematic\\w*', 'mathematicians?'],
    titleTerms: ['science', 'scientific', 'health', 'brains?', 'cells?', 'drugs?'],
    domains: ['science.org', 'nature.com', 'newscientist.com', 'phys.org', 'sciencealert.com', 'interestingengineering.com', 'quantamagazine.org', 'eurekalert.org'],
  },
  {
    slug: 'quantum',
    name: 'Quantum Computing',
    terms: ['quantum', 'qubits?', 'post-quantum'],
  },
  {
    slug: 'energy-climate',
    name: 'Energy & Climate',
    terms: ['climate', 'energy', 'power grids?', 'the grid', 'electricity', 'nuclear', 'nuclear fusion', 'fusion (?:energy|power|reactors?)', 'fission', 'solar', 'wind (?:power|farms?|turbines?)', 'batter(?:y|ies)', 'carbon', 'emissions', 'renewables?', 'fossil fuels?', 'natural gas', 'geothermal', 'power plants?', 'gigawatts?', 'megawatts?', 'heat pumps?', 'plutonium', 'uranium'],
  },
  {
    slug: 'crypto',
    name: 'Crypto & Web3',
    terms: ['crypto', 'cryptocurrenc(?:y|ies)', 'bitcoin', 'btc', 'ethereum', 'ether', 'solana', 'blockchains?', 'web3', 'stablecoins?', 'defi', 'nfts?', 'coinbase', 'binance', 'crypto exchanges?', 'crypto wallets?', 'memecoins?', 'on-?chain', 'smart contracts?', 'bitcoin mining', 'crypto mining'],
    titleTerms: ['wallets?', 'tokens?'],
  },
  {
    slug: 'fintech',
    name: 'Fintech & Payments',
    terms: ['fintech', 'payments?', 'stripe', 'paypal', 'banks?', 'banking', 'credit cards?', 'debit cards?', 'mastercard', 'neobanks?', 'lending', 'loans?', 'invoic(?:e|es|ing)', 'treasury', 'checkout', 'klarna', 'plaid', 'robinhood', 'real-time payments?', 'rtp'],
    titleTerms: ['pricing', 'billing', 'monetiz\\w+', 'financ\\w+'],
  },
  {
    slug: 'funding',
    name: 'Funding & Venture Capital',
    terms: ['rais(?:es|ed|ing) (?:a |an )?\\$?\\d', 'funding rounds?', 'series [a-h](?: round| funding)?', 'seed rounds?', 'seed funding', 'pre-seed', 'valuations?', 'valued at', 'venture capital\\w*', 'vcs?', 'venture firms?', 'investors?', 'venture-backed', 'vc-backed', 'yc-backed', 'backed by (?:investors|venture|vcs?|y combinator|a16z|sequoia|andreessen)', 'unicorns?', 'tender offer', 'fundrais\\w+', 'andreessen horowitz', 'a16z', 'sequoia', 'y combinator', 'yc'],
    titleTerms: ['funding', 'invest(?:s|ed|ment|ments)?', 'raises', 'raised'],
  },
  {
    slug: 'acquisitions',
    name: 'Acquisitions & Mergers',
    terms: ['acquired', 'acquires', 'acquisitions?', 'mergers?', 'merg(?:e|es|ed|ing) with', 'buyouts?', 'takeovers?', 'agree(?:s|d)? to (?:buy|acquire)', 'plans? to (?:buy|acquire)', 'talks to (?:buy|acquire)', 'deal to (?:buy|acquire)', 'offer to (?:buy|acquire)', 'bid to (?:buy|acquire)', 'bids? (?:for|to)', 'acqui-?hir\\w+'],
    titleTerms: ['acquire', 'acquiring', 'buys', 'bought', 'buy', 'deal'],
  },
  {
    slug: 'business',
    name: 'Business & Markets',
    terms: ['revenue', 'earnings', 'profits?', 'profitab\\w+', 'shareholders?', 'market (?:cap\\w*|share|value)', 'wall street', 'ipos?', 'going public', 'nasdaq', 'stock (?:price|market)', 'shares (?:rose|fell|jumped|dropped|surged|plunged|climbed)', 'quarterly (?:results|earnings)', 'annual recurring revenue', 'arr', 'operating (?:income|losses?)'],
    titleTerms: ['stocks?', 'shares', 'ceos?', 'sales', 'billion', 'trillion', 'advertis\\w+', 'ads', 'market', 'business(?:es)?', 'economy', 'economics'],
  },
  {
    slug: 'startups',
    name: 'Startups & Founders',
    terms: ['startups?', 'start-ups?', 'founders?', 'co-?founders?', 'founding (?:engineers?|team)', 'y combinator', 'yc', 'entrepreneurs?', 'bootstrap(?:ped|ping)', 'early-stage', 'product-market fit', 'go-to-market', 'indie hackers?', 'side projects?', 'silicon valley'],
    domains: ['ycombinator.com', 'paulgraham.com'],
  },
  {
    slug: 'big-tech',
    name: 'Big Tech',
    terms: ['google(?!\\s+(?:cloud|kubernetes|compute))', 'alphabet', 'microsoft(?!\\s+azure)', 'amazon(?!\\s+(?:web services|s3|ec2|eks|ecs|rds|bedrock|aurora|dynamodb|cloudwatch|sagemaker|linux|vpc))', 'facebook', 'instagram', 'whatsapp', 'netflix', 'nvidia', 'openai', 'tesla', 'samsung', 'ibm', 'oracle', 'salesforce', 'bytedance', 'tiktok', 'alibaba', 'tencent', 'baidu', 'huawei', 'big tech', 'tech giants?', 'sundar pichai', 'tim cook', 'satya nadella', 'zuckerberg', 'jensen huang', 'sam altman', 'elon musk', 'musk', 'bezos', 'spacex', 'xai'],
    cased: ['Apple', "Apple's", 'Meta', "Meta's"],
    domains: ['blog.google', 'about.fb.com', 'blogs.microsoft.com', 'aboutamazon.com', 'apple.com', 'openai.com'],
  },
  {
    slug: 'regulation',
    name: 'Policy, Law & Regulation',
    terms: ['regulat(?:ion|ions|ors?|ory)', 'antitrust', 'anti-trust', 'monopol(?:y|ies|istic)', 'lawsuits?', 'sued', 'sues', 'suing', 'legislation', 'lawmakers?', 'congress', 'senate', 'senators?', 'parliament', 'ftc', 'doj', 'department of justice', 'fcc', 'european commission', 'european union', 'digital markets act', 'digital services act', 'ai act', 'gdpr', 'export controls?', 'tariffs?', 'white house', 'supreme court', 'federal (?:judge|court|agencies|government)', 'court (?:ruled|ruling|filings?|documents?|order)', 'copyright\\w*', 'patent infringement', 'class[- ]action', 'executive orders?', 'bann(?:ed|ing)', 'fined', 'sanctions', 'attorneys? general', 'trump administration', 'biden administration', 'illegal\\w*'],
    cased: ['SEC', 'EU'],
    titleTerms: ['court', 'judge', 'ruling', 'legal', 'laws?', 'bans?', 'policy', 'trial', 'fines?', 'settlement', 'compliance', 'rules', 'legally', 'governments?'],
  },
  {
    slug: 'careers',
    name: 'Careers & Work',
    terms: ['careers?', 'hiring', 'job (?:market|seekers?|search|openings?|cuts|losses|offers?|interviews?)', 'jobs report', 'layoffs?', 'laid off', 'salar(?:y|ies)', 'compensation', 'pay packages?', 'remote work', 'return[- ]to[- ]office', 'rto', 'burnout', 'engineering managers?', 'junior (?:developers?|engineers?)', 'senior engineers?', 'staff engineers?', 'recruit(?:ers?|ing|ment)', 'resumes?', 'curators?', 'workforce', 'fully remote'],
    titleTerms: ['jobs?', 'hires?', 'interviews?', 'promotions?', 'managers?', 'leadership', 'productivity', 'workers?', 'employees?', 'talent'],
    domains: ['jobs.ashbyhq.com'],
  },
  {
    slug: 'social-media',
    name: 'Social Media & Platforms',
    terms: ['social media', 'social networks?', 'twitter', 'tweets?', 'tiktok', 'instagram', 'facebook', 'bluesky', 'mastodon', 'reddit', 'youtubers?', 'influencers?', 'content moderation', 'snapchat', 'discord', 'pinterest', 'x corp', 'posted on x'],
    titleTerms: ['posts?(?!-)', 'feeds?', 'algorithms?', 'creators?', 'followers', 'moderation', 'linkedin', 'youtube', 'threads'],
  },
  {
    slug: 'gaming-media',
    name: 'Gaming & Entertainment',
    terms: ['games?(?!-changer| theory| plan)', 'gaming', 'gamers?', 'video games?', 'xbox', 'playstation', 'nintendo', 'switch 2', 'unreal engine', 'epic games', 'esports', 'video streaming', 'streaming (?:services?|platforms?|wars|giants?)', 'netflix', 'spotify', 'music', 'movies?', 'films?', 'hollywood', 'tv shows?', 'podcasts?', 'entertainment'],
    cased: ['Steam', 'Valve', 'Unity'],
    titleTerms: ['books?', 'streaming'],
  },
  {
    slug: 'product-design',
    name: 'Product & Design',
    terms: ['product managers?', 'product management', 'product teams?', 'product strategy', 'roadmaps?', 'user experience', 'ux', 'ui', 'user interfaces?', 'design systems?', 'designers?', 'figma', 'prototyp\\w+', 'usability', 'accessibility', 'a11y', 'user research', 'a/b tests?', 'product-led', 'product design', 'fonts?', 'typography', 'typefaces?'],
    titleTerms: ['design', 'growth', 'retention', 'onboarding', 'experimentation', 'product'],
  },
];
