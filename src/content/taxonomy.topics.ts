/**
 * The project's topic taxonomy as data: what a partner can subscribe to, and the
 * words and sites that place a link in each topic. Terms are regular-expression
 * fragments matched as whole words, case-insensitively unless written with a
 * leading `=` (`=AI`, `=Go`: capitals carry the meaning). Each term starts with a
 * literal letter or digit and has no top-level `|`, so that it can be indexed by
 * its first letters. How much a mention weighs (see taxonomy.ts):
 * - `terms`: specific enough that one mention anywhere decides;
 * - `clues`: decide in the title; in the summary one clue is not enough, two are;
 * - `names`: companies and products: even in the title, the summary must mention them or the topic again;
 * - `hints`: never enough alone, anywhere;
 * - `titleTerms`: count in the title only.
 * A subject is what a link is about, not a word it mentions: company and product
 * names are clues, broad words are clues or hints, a passing mention of either
 * never tags a link alone.
 */
import { WORLD_TOPICS } from './taxonomy.topics-world';

export interface TopicDefinition {
  slug: string;
  name: string;
  /** Topics every link of this one also belongs to (`llm` → `ai`). */
  parents?: readonly string[];
  /** Topics that take a link over from this one (security researchers' findings are security, not research). */
  excludedBy?: readonly string[];
  terms?: readonly string[];
  clues?: readonly string[];
  names?: readonly string[];
  hints?: readonly string[];
  titleTerms?: readonly string[];
  /** Sites (and their subdomains) devoted to the topic: every link from them belongs to it. */
  sites?: readonly string[];
  /** Sites often about the topic: one clue. */
  domains?: readonly string[];
}

const AI_TOPICS: readonly TopicDefinition[] = [
  {
    slug: 'ai',
    name: 'Artificial Intelligence',
    terms: ['artificial intelligence', 'machine learning', 'deep learning', 'neural net(?:work)?s?', '=AI', '=AIs', '=A\\.I\\.', '=ML(?!-(?:KEM|DSA))', '=AGI', '=GenAI', '=RLHF', 'gen ai', 'generative ai', 'openai', 'anthropic', 'deepmind', 'hugging ?face', 'pytorch', 'tensorflow', 'keras', 'model weights', 'open[- ]weights?', 'fine-?tun(?:e|ed|es|ing)', 'reinforcement learning', 'computer vision', 'multimodal', 'mixture[- ]of[- ]experts', 'diffusion models?', 'speech recognition', '=ASR', 'image (?:captioning|captions|segmentation|classification|recognition)', 'object (?:detection|tracking)', '(?:panoptic|semantic|instance) segmentation', 'pose estimation', 'pre-?train(?:ed|ing)', 'post-?train(?:ed|ing)', 'training (?:runs?|data(?:sets?)?)', 'model[- ](?:training|inference|serving|merging|compression|distillation|experimentation)', 'inference (?:costs?|speed|time|workloads?|engines?|providers?|servers?|serving|clouds?)', 'agi', 'superintelligen\\w+', 'mlops', 'mlflow', '=NLP', 'natural language processing', 'recommender systems?', 'embeddings', 'embedding (?:models?|vectors?|space|store)', 'vector embeddings', 'track(?:s|ing)? (?:multiple )?objects', 'transformer(?:-based| (?:models?|architectures?|layers?|blocks?|networks?))', 'ai-(?:powered|driven|generated|native|assisted|based|ready)', '\\d+(?:\\.\\d+)?[bmt]-?param(?:eter)?s?', '\\d+(?:\\.\\d+)? (?:billion|million|trillion)[- ]parameters?', 'frontier (?:ai|labs?|intelligence)', '(?:new|flagship|latest|open|foundation|frontier|base) models?', 'model (?:releases?|family|card|checkpoints?|weights|routers?|providers?|picker|performance|behaviou?r|outputs?|capabilities|accuracy)', 'ai-powered', 'ai-driven', 'ai labs?', 'ai tools?', '=xAI', 'mistral ai', 'stability ai', 'perplexity', 'moonshot ai', 'cohere', 'midjourney', 'deepseek', 'hyperparameter\\w*', 'langchain', 'llamaindex', '=(?<![$€£.\\d])\\d+(?:\\.\\d+)?[BM](?:-parameter)?'],
    clues: ['(?<!pricing |business |data |dbt |semantic |domain |threat |mental |operating |security |revenue |programming |object |delivery |deployment |subscription |licensing |open-core |freemium )models?', 'datasets?', 'benchmarks?', 'intelligence', '=Keras', 'transformers?', 'zero-shot', 'few-shot', '(?:self-)?supervised', 'active learning', 'annotat(?:ion|ors?)', 'inference', 'neural', 'classifiers?', 'predictions?', 'translation'],
    hints: ['trained', 'training', 'accuracy', 'parameters', 'weights', 'checkpoints', 'evals?', 'evaluations?', 'images?', 'video', 'speech', 'agents?', 'assistants?', 'vectors?'],
    domains: ['openai.com', 'anthropic.com', 'deepmind.google', 'huggingface.co', 'x.ai', 'mistral.ai', 'arxiv.org'],
  },
  {
    slug: 'llm',
    name: 'Large Language Models',
    parents: ['ai'],
    terms: ['language models?', 'small language models?', 'vision[- ]language', 'video[- ]language', '=VLMs?', '=SLMs?', 'gpt-oss', 'gemma', 'chatbots?', 'prompt (?:engineering|caching|revisions?)', 'system prompts?', 'context (?:windows?|engineering|length)', '\\d+[mk]‑?-?token', 'long[- ]context', 'reasoning models?', '=RAG', 'retrieval[- ]augment\\w*', 'tokens? per second', 'speculative decoding', 'next-token', 'masked language model\\w*', 'instruction[- ]tun\\w+', 'in-context learning', 'chain[- ]of[- ]thought', '=BERT', 'model spec', 'frontier models?', 'text generation', 'ai (?:chatbots?|assistants?)', 'microsoft copilot', 'copilot app', 'chat (?:app|assistant|interface|experience)', 'llaVA'],
    clues: ['llms?', 'large language models?', 'prompts?(?! injection)', 'prompting', '(?<!oauth |access |api |auth |session |refresh |bearer |jwt |github |npm |stolen |steals |stealing |security )tokens', 'tokenizers?', 'post-?train(?:ed|ing)', '=(?<![$€£.\\d])\\d+(?:\\.\\d+)?B'],
    hints: ['transformers?', 'models?', 'chat', 'reasoning', 'context', 'inference', 'personality', 'language', 'responses?', 'sql'],
    names: ['chatgpt', 'gpt-?\\d[\\w.]*', 'claude(?! code)', 'gemini(?! cli)', 'llama[ -]?\\d*(?:\\.\\d+)?', 'llama\\d[\\w.]*', 'deepseek', 'qwen', 'grok', 'kimi', 'opus \\d', 'sonnet \\d', '=o\\d(?:-(?:mini|pro))?', 'mistral', 'phi-\\d'],
  },
  {
    slug: 'ai-agents',
    name: 'AI Agents',
    parents: ['ai'],
    terms: ['ai agents?', '(?:coding|autonomous|browsing|research|shopping|security|software|ai) agents?', 'multi-agent', 'sub-?agents?', 'agent (?:frameworks?|workflows?|runtimes?|sdks?|memory|toolkit|mode|systems?|swarms?|threads?|harness(?:es)?|platforms?|experiences|behaviou?r|permissions)', '=MCP', 'model context protocol', 'computer use', 'claude code', 'codex', 'windsurf', 'coding assistants?', 'ai coding', 'vibe[- ]cod\\w*', 'tool calling', 'tool use', 'function calling', 'ai code editors?', 'code editor'],
    clues: ['agents', 'agentic', 'swarms?', 'autonomously'],
    names: ['(?<!microsoft |windows |365 )copilot(?! app)', '=Cursor'],
    hints: ['agent'],
  },
  {
    slug: 'generative-media',
    name: 'Generative Images, Video & Audio',
    parents: ['ai'],
    terms: ['text-to-(?:image|video|speech|audio|music|3d)', 'image-to-(?:video|image|3d)', 'text to (?:video|image|speech)', '(?:image|video|music|audio|speech|waveform|3d) generat(?:ion|ors?)', 'generat(?:e|es|ed|ing) (?:(?:high-quality|ai|new|realistic) )?(?:images?|videos?|video clips?|music|voices?|speech)', 'ai-generated (?:videos?|video clips?|images?|music|art)', 'image (?:models?|editing|edits)', 'video (?:models?|editing|diffusion)', 'image diffusion', 'stable diffusion', 'latent diffusion', 'diffusion models?', 'midjourney', 'dall-?e', 'sora', 'veo ?\\d*', 'imagen', 'firefly', 'nano banana', 'kling', 'runway', 'stability ai', 'voice clon\\w+', 'clon(?:e|es|ing) (?:yourself|your voice|voices?)', 'text to speech', 'speech synthesis', '=TTS', 'inpainting', 'deepfake\\w*', 'synthesi[sz]ed voices?', 'ai avatars?', 'novel view synthesis', '3d (?:reconstruction|assets?|scene generation)', 'generative (?:video|images?|art|music|audio)'],
  },
  {
    slug: 'ai-safety',
    name: 'AI Safety & Alignment',
    parents: ['ai'],
    terms: ['ai alignment', 'misalign\\w*', 'jailbreak(?:s|ing)?', 'red[- ]team\\w*', 'risks of ai', 'existential risk', 'long-term risks', 'model welfare', 'sycophan\\w+', 'ai (?:safety|security) institute', 'safety (?:guardrails|measures|checks|evaluations?|testing|standards|research|team|policies|framework|scores?)', 'harmful (?:behaviou?rs?|content|outputs?|prompts?)', 'model spec', 'constitutional (?:ai|classifiers?)', 'responsible (?:ai|scaling)', 'reward hacking', 'scheming', 'containment'],
    clues: ['ai safety', 'interpretability', 'ai risks?'],
    titleTerms: ['alignment', 'safety', 'safeguards?', 'guardrails?'],
    domains: ['lesswrong.com', 'alignmentforum.org'],
  },
  {
    slug: 'research',
    name: 'Research & Papers',
    terms: ['arxiv', 'preprints?', 'peer[- ]reviewed', '(?:this|the|a|new|recent|research|their) (?:paper|study)', 'research papers?', 'the authors', 'authors have', 'researchers (?:at|from|have (?:developed|made|created|built|found|shown)|developed|demonstrate|found|show|propose\\w*|introduced)', 'scientists (?:have|at|from|found|developed)', 'published in', 'this (?:survey|report) (?:provides|explores|reviews)', 'proposed (?:method|approach|framework|benchmark)', 'we propose', 'novel (?:method|approach|technique|framework)', 'new (?:approach|method|technique|metric) (?:to|for)', 'university of', 'institute of', 'research (?:team|lab)'],
    clues: ['research', 'researchers', 'scientists?', 'academics', 'study', 'survey'],
    names: ['experiments'],
    hints: ['benchmarks?', 'approach', 'method', 'new way'],
    titleTerms: ['papers?', 'studies', '(?<!bug |incident |expense |status |crash )report'],
    excludedBy: ['security'],
    sites: ['arxiv.org', 'openreview.net', 'paperswithcode.com', 'biorxiv.org', 'medrxiv.org'],
    domains: ['research.google', 'nature.com', 'science.org', 'eurekalert.org', 'github.io'],
  },
];

const SOFTWARE_TOPICS: readonly TopicDefinition[] = [
  {
    slug: 'security',
    name: 'Security',
    terms: ['cyber\\w*', 'vulnerabilit(?:y|ies)', 'exploit(?:s|ed|ing|ation)?', 'CVE-\\d{4}-\\d+', 'cves?', 'cvss', 'malware', 'ransom\\w*', 'spyware', '(?:info)?stealers?', 'botnets?', 'backdoor\\w*', 'breach(?:es|ed)?', 'hacked', 'hackers', 'hacking', 'phish\\w*', 'vishing', 'smishing', 'zero-days?', '0-days?', 'threat (?:actors?|intel\\w*|hunting|detection|landscape|notifications?)', 'attackers?', 'apt\\d+', 'trojan\\w*', 'rootkits?', 'supply[- ]chain (?:attacks?|security|defen[cs]e|risks?)', 'compromised (?:packages|accounts|credentials)', 'authentication[- ]bypass', 'remote code execution', '=RCE', '=XSS', 'sql[- ]injection', '(?:prompt|command|regex) injections?', 'injection (?:attacks?|method)', 'privilege escalation', 'pentest\\w*', 'penetration test\\w*', 'infosec', 'appsec', 'devsecops', '=SIEM', '=SOC', 'security operations', '=EDR', '=XDR', 'identity and access management', 'incident response', 'cryptograph\\w*', 'passkeys?', 'credential (?:theft|stuffing)', 'stolen credentials', 'zero trust', 'data leaks?', 'leak(?:s|ed|ing)? (?:sensitive|customer|data|credentials|secrets)', 'stolen (?:data|credentials|files|records|tokens|keys)', 'secrets management', '(?:secret|security|vulnerability|dependency) scanning', 'security (?:integrations|defaults|plugins?|tools?|frameworks?|firms?|vendors?)', 'spoof(?:ing|ed)?', 'smuggling', 'side-channel', 'spectre', 'trusted execution environments?', 'confidential (?:computing|containers)', 'speculative execution', 'fuzz(?:ing|er|ers)', 'nation-state', 'state-sponsored', 'cybercrim\\w*', 'attack (?:chain|vectors?|surface)', 'security (?:updates?|patch(?:es)?|flaws?|lapse|risks?|gaps?|teams?|intelligence|findings|scans?|controls|posture|professionals|researchers|analysis|operations|guidelines)', '=GRC', '=KEV', 'anti-tampering', 'certificate pinning', 'evade detection', 'detection evasion', 'extortion'],
    clues: ['security', 'securing', 'vulnerable', 'malicious', 'attacks?', 'passwords?', 'credentials', 'compromised', 'flaws?', 'patch(?:ed|es)?', '=IAM', '=MFA', '=SSO', 'encrypt(?:ed|ion|s)?', 'threats?', 'scams?', 'fraud', 'firewalls?', 'authentication', 'authoriz(?:e|ation)', 'access control'],
    names: ['(?<!trade )secrets?'],
    hints: ['secure', 'leaks?', 'sandbox\\w*', 'expos(?:ed|es|ure|ures)'],
    titleTerms: ['hack', 'hacks'],
    sites: ['bleepingcomputer.com', 'krebsonsecurity.com', 'darkreading.com', 'securityaffairs.com', 'thehackernews.com', 'securityweek.com', 'therecord.media', 'csoonline.com', 'cybernews.com', 'hackread.com', 'unit42.paloaltonetworks.com', 'schneier.com', 'portswigger.net', 'sans.org', 'cisa.gov', 'bankinfosecurity.com', 'scworld.com', 'securityboulevard.com', 'projectzero.google', 'bughunters.google.com', 'labs.withsecure.com', 'blog.trailofbits.com', 'helpnetsecurity.com', 'infosecurity-magazine.com'],
  },
  {
    slug: 'privacy',
    name: 'Privacy',
    terms: ['surveillance', 'facial recognition', 'gdpr', 'ccpa', 'e2ee', 'end-to-end encrypt\\w*', 'location (?:tracking|data)', 'track(?:s|ing)? (?:vehicle|user|your)? ?locations?', 'privacy (?:laws?|rights|policy|policies|violations?|concerns|regulations?|manifest|advocates?|risks|operations|platform)', 'de-?anonymi[sz]\\w*', 'without consent', 'third-party cookies', 'tracking (?:cookies|pixels?|protection)', 'ad tracking'],
    clues: ['privacy', 'personal information', 'personally identifiable', '=PII', 'user data', 'consent', 'tracked', 'identifiers?', 'data brokers?'],
    hints: ['personal data', 'tracking'],
  },
  {
    slug: 'rust',
    name: 'Rust',
    terms: ['rustc', 'rustlang', 'crates\\.io', 'rust crates', 'tokio', 'cargo (?:build|crates?|workspaces?)'],
    clues: ['=Rust', '=Rust-based'],
    sites: ['rust-lang.org', 'this-week-in-rust.org', 'docs.rs', 'crates.io'],
  },
  {
    slug: 'go',
    name: 'Go',
    terms: ['golang', 'goroutines?'],
    clues: ['=Go (?:1\\.\\d+|programs?|code|modules?|developers?|services?|runtime|compiler|generics|team|binar(?:y|ies))', "=Go's", '=Go-based'],
    sites: ['go.dev', 'golang.org'],
  },
  {
    slug: 'python',
    name: 'Python',
    terms: ['cpython', 'pypi', 'pip install', 'django', 'flask', 'fastapi', 'numpy', 'pandas', 'jupyter', 'pydantic', 'polars', 'pyspark', 'the gil', 'python (?:\\d|packages?|librar(?:y|ies)|developers?|code|scripts?|ecosystem)'],
    clues: ['python'],
    sites: ['python.org', 'pypi.org', 'realpython.com'],
  },
  {
    slug: 'javascript',
    name: 'JavaScript & TypeScript',
    terms: ['ecmascript', 'deno', 'npm (?:packages?|ecosystem|registry|install)', 'react native', 'next\\.js', 'vue\\.js', 'svelte\\w*', 'vite', 'webpack', 'tailwind\\w*', '=JSX', 'tanstack', 'oxc(?:-parser)?', 'javascript (?:code|frameworks?|runtimes?|engines?|developers?|librar(?:y|ies))', 'typescript (?:code|types|compiler)'],
    clues: ['javascript', 'typescript', 'node\\.?js', 'npm', '=JS', '=React', '=Angular', '=Vue'],
    sites: ['npmjs.com', 'nodejs.org', 'deno.com', 'react.dev'],
  },
  {
    slug: 'programming-languages',
    name: 'Programming Languages',
    terms: ['compilers?', 'type systems?', 'type checker', 'garbage collect\\w*', 'llvm', '=JIT', 'jit compil\\w+', 'jvm', 'kotlin', 'haskell', 'ocaml', 'elixir', 'erlang', 'scala', 'clojure', 'lisp', 'fortran', 'cobol', 'zig', 'cruby', '=FFI', 'language design', 'type theory', '=(?:Rust|Go|Python|Java|Kotlin|Swift|TypeScript|Ruby|PHP|Zig|Elixir|C#|Scala) \\d+(?:\\.\\d+)+'],
    clues: ['programming languages?', 'c\\+\\+', '=Java', '=Swift', '=Ruby', 'interpreters?'],
    hints: ['syntax'],
  },
  {
    slug: 'software-engineering',
    name: 'Software Engineering',
    terms: ['software engineering', 'code reviews?', 'refactor\\w*', 'technical debt', 'tech debt', 'software architecture', 'microservices?', 'monoliths?', 'design patterns?', 'api design', 'unit tests?', 'integration test\\w*', 'end-to-end test\\w*', '=E2E testing', 'test suites?', 'test coverage', '=TDD', 'code quality', 'legacy (?:code|systems?)', 'engineering (?:teams?|culture|practices)', 'distributed systems?', 'system design', 'formal verification', 'memory allocation', 'system tests?', 'regression tests?', 'mocks?', 'complex systems', 'protocol buffers?', 'api contracts?', 'schema design', 'works on my machine', 'software factor(?:y|ies)', 'architectur(?:e|al) (?:decisions?|governance|alignment)', 'stack overflow', 'durable execution'],
    clues: ['codebases?', 'debugging', '=coders?', 'programmers?', 'programming(?! languages?)'],
    hints: ['architecture', 'testing', 'coding', 'bugs?', 'software', 'engineering'],
  },
  {
    slug: 'developer-tools',
    name: 'Developer Tools',
    terms: ['developer tools?', 'dev ?tools', '=IDEs?', 'vs ?code', 'visual studio', 'jetbrains', 'intellij', 'neovim', 'vim', 'emacs', 'git (?:hooks?|commands?|workflows?|functions)', 'linters?', 'formatters?', 'package managers?', 'xcode', 'debuggers?', 'developer experience', 'devex', 'command[- ]line tools?', 'code editors?', 'vs ?code extensions?', 'editor extensions?', 'diagrams? as code', 'instrumentation workbench', '(?:reproducible )?(?:developer|dev) environments?', 'code completion', 'claude code', 'sonarqube', 'ai code review'],
    clues: ['terminal', '=CLI', '=Git', 'coding assistants?'],
    names: ['(?<!microsoft |windows |365 )copilot(?! app)', '=Cursor'],
    hints: ['developers', 'extensions?', 'commits', 'repositories'],
    titleTerms: ['sdks?', 'profil(?:er|ing)'],
    domains: ['github.blog'],
  },
  {
    slug: 'open-source',
    name: 'Open Source',
    terms: ['open weights?', 'open-weight', 'is an open[- ]source', 'open[- ]sourced', '(?:released|launched|introduced|announced) an? open[- ]source', 'open[- ]source (?:projects?|releases?|librar(?:y|ies)|tools?|frameworks?|alternatives?|software|community|maintainers|licen[cs]es?|ecosystem|toolkit|version|implementations?|(?:terminal |coding |ai )?agents?|platforms?|engines?|clients?|apps?|editors?|databases?|browsers?|runtimes?|compilers?)', 'open[- ]sources', 'free software', 'open source initiative', 'apache (?:2\\.0|license|software foundation)', 'mit license', '=GPL', '=AGPL', 'foss', 'linux foundation', 'source-available', 'contributors'],
    clues: ['open[- ]sourc(?:e|ed|ing)', 'maintainers?', 'libraries'],
    titleTerms: ['forks?', 'forked'],
    sites: ['github.com', 'gitlab.com', 'codeberg.org', 'sourceforge.net'],
    domains: ['cncf.io', 'apache.org'],
  },
  {
    slug: 'web',
    name: 'Web & Browsers',
    terms: ['firefox', 'webkit', '=CSS', 'web development', 'front-?ends?', 'frontend frameworks?', 'single-page apps?', 'web developers?', 'frontend', 'front-end', 'web apps?', 'web standards', 'the dom', 'http/?[23]', 'websockets?', '=PWAs?', 'web platform', 'web components?', 'robots\\.txt', 'web crawlers?', 'browser (?:agents?|extensions?|engines?)'],
    clues: ['browsers?', '=Chrome', 'chromium', '=HTML', 'webassembly', '=SEO', 'websites?', 'web pages?', 'search results', 'publishers', 'search engines?', 'wordpress'],
    hints: ['=Safari', 'the web', 'sites', 'internet', '=React'],
    sites: ['developer.mozilla.org', 'web.dev', 'css-tricks.com', 'smashingmagazine.com'],
  },
  {
    slug: 'mobile',
    name: 'Mobile',
    terms: ['iphones?', 'smartphones?', 'pixel \\d+', 'app store', 'play store', 'mobile (?:apps?|devices?|browsers?|security|phones?|testers?|releases?)', 'swiftui', 'flutter', 'react native', 'carplay', 'apple watch', '=Galaxy (?:S\\d+|Z|Tab|Watch|Ring)', '=iOS \\d+'],
    clues: ['=iOS', 'ipados', 'android', 'mobile', 'phones?', 'handsets?'],
    domains: ['9to5mac.com', '9to5google.com', 'macrumors.com', 'androidpolice.com', 'androidauthority.com'],
  },
  {
    slug: 'cloud',
    name: 'Cloud',
    terms: ['amazon web services', 'cloud computing', 'cloud providers?', 'hyperscalers?', 'multi-?cloud', 'hybrid cloud', 'private cloud', 'public cloud', 'serverless', 'aws lambda', 'lambda functions?', 'lambdaliths?', 'cloud run', 'cloudflare workers', 'oracle cloud', 'finops', 'cloud (?:costs?|bills?|spend|infrastructure|workloads?|market|marketplace|architecture|security|defense)', '=IaaS', '=PaaS', 'digitalocean', 'amazon ec2', '=EC2', 'amazon s3', 'google cloud', 'dynamodb', 'data ?cent(?:er|re) (?:capacity|build-?outs?|construction|spending|campus(?:es)?|projects?|deals?|demand|infrastructure|operators?|expansion)', 'build(?:s|ing)? (?:new |more |its own |their own )?data ?cent(?:er|re)s'],
    clues: ['cloud', 'cloud-native', 'data ?cent(?:er|re)s?'],
    names: ['=AWS', '=GCP', '=S3', 'azure', 'amazon (?:cloudwatch|rds|eks|ecs|aurora|sagemaker|vpc|route 53|eventbridge|elastic \\w+)'],
    hints: ['amazon bedrock', 'vertex ai', 'regions'],
    domains: ['aws.amazon.com', 'cloud.google.com', 'azure.microsoft.com'],
  },
  {
    slug: 'kubernetes',
    name: 'Kubernetes & Containers',
    terms: ['kubernetes', 'k8s', 'kubectl', 'helm charts?', '=GKE', '=EKS', '=AKS', 'openshift', 'docker\\w*', 'container (?:images?|orchestration|runtimes?|registr\\w+|workloads?|lifecycle|platforms?|applications?|hooks)', 'containeri[sz]\\w+', 'service mesh', 'istio', 'envoy proxy', 'argo ?cd', 'karpenter', 'oci (?:images?|artifacts?)', '=ECS', 'cilium'],
    clues: ['pods?'],
    hints: ['containers', 'clusters?'],
    sites: ['kubernetes.io'],
    domains: ['cncf.io', 'docker.com'],
  },
  {
    slug: 'devops',
    name: 'DevOps & Infrastructure',
    terms: ['devops', 'devsecops', 'ci/cd', 'continuous (?:integration|delivery|deployment)', 'terraform', 'opentofu', 'pulumi', 'ansible', 'crossplane', 'infrastructure[- ]as[- ]code', '=IaC', 'github actions?', 'jenkins', 'circleci', 'gitops', 'platform engineer\\w*', '(?<!data )platform teams?', 'internal developer platforms?', '=SRE', 'site reliability', 'release engineering', 'feature flags?', 'deployment pipelines?', 'build pipelines?', 'blue/green', 'canary (?:deployments?|releases?)', 'argo ?cd'],
    clues: ['deployments?', 'rollbacks?', 'self-host\\w*'],
    hints: ['infrastructure', 'pipelines?'],
    domains: ['hashicorp.com', 'platformengineering.org', 'octopus.com', 'harness.io'],
  },
  {
    slug: 'observability',
    name: 'Observability & Reliability',
    terms: ['observability', 'infrastructure monitoring', 'application monitoring', 'performance monitoring', 'uptime monitoring', 'synthetic monitoring', '=APM', 'opentelemetry', 'otel', 'prometheus', 'grafana', 'datadog', 'new relic', 'honeycomb', 'on-?call', 'post-?mortems?', '=SLIs?', 'ebpf', 'incident (?:management|reviews?)', '=MTTR', 'real-time monitoring', 'cloudwatch'],
    clues: ['monitoring', 'metrics', 'logs', 'logging', 'tracing', 'traceable', 'traces', 'telemetry', 'alerting', 'reliability', 'dashboards?', 'root cause'],
    hints: ['alerts?', 'incidents?', '=SLOs?'],
    domains: ['grafana.com', 'datadoghq.com', 'newrelic.com', 'honeycomb.io', 'chronosphere.io', 'pagerduty.com'],
  },
  {
    slug: 'databases',
    name: 'Databases',
    terms: ['nosql', 'in-memory (?:database|store|cache)', 'database (?:performance|restarts?|engines?|execution|systems?|management|servers?|internals|design|migrations?)', 'query latency', 'primary keys?', 'secondary index(?:es)?', '=MVCC', 'snapshot isolation', 'write skew', 'query (?:engines?|planners?|optimi[sz]\\w+|performance|plans?)', 'b-?trees?', 'sharding', 'vector (?:databases?|search|stores?|index(?:es)?)', 'strong consistency', 'eventual consistency', 'linearizab\\w+', '=OLTP', 'write-ahead logs?', 'rocksdb', 'supabase', 'influxdb', 'time-series databases?', 'dolt', 'turbopuffer', 'pgvector', 'binlogs?', 'autovacuum', 'storage engines?', 'primary keys?', 'replication slots?', 'pg_\\w+', 'pg\\\\_\\w+'],
    clues: ['databases?', '=(?<!Spark )SQL', 'replication', 'replicas', 'shards?', 'key-value', 'indexes', 'schemas?', 'transactions?'],
    names: ['postgres(?:ql)?', 'mysql', 'mariadb', 'sqlite', 'mongodb', 'redis', 'valkey', 'dynamodb', 'cassandra', 'clickhouse', 'duckdb', 'cockroachdb', 'rocksdb'],
    hints: ['queries'],
    sites: ['postgresql.org', 'duckdb.org'],
    domains: ['mongodb.com', 'redis.io', 'clickhouse.com', 'planetscale.com', 'supabase.com', 'neon.com'],
  },
  {
    slug: 'data-engineering',
    name: 'Data Engineering & Analytics',
    terms: ['data engineer(?:s|ing)?', 'data pipelines?', '=ETL', '=ELT', 'data warehouses?', 'warehousing', 'data lakes?', 'lakehouses?', 'delta lake', 'hudi', 'parquet', 'apache arrow', 'arrow buffers', 'pyspark', '=Spark', 'kafka', 'flink', 'airflow', 'dagster', '=dbt', 'snowflake', 'databricks', 'bigquery', 'redshift', 'trino', 'presto', 'stream processing', 'batch processing', 'data quality', 'data catalogs?', 'data governance', 'data contracts?', 'semantic layers?', 'business intelligence', 'change data capture', '=CDC', 'data infrastructure', 'data products?', 'data mesh', '=Iceberg', 'table (?:formats?|spec)', 'medallion architecture', 'data leaders?', 'apache beam', 'data analytics', 'data strategy', 'data operations', 'data management', 'dataframe\\w*', 'data teams?'],
    clues: ['orchestration', 'orchestrators?', 'ingestion', 'data modell?ing', 'semantic(?! search| similarity| kernel| caching)', 'data platforms?', '=OLAP'],
    hints: ['analytics'],
    domains: ['databricks.com', 'snowflake.com', 'getdbt.com', 'confluent.io', 'moderndata101.substack.com', 'seattledataguy.substack.com', 'astronomer.io', 'dataengineeringpodcast.com', 'dataengineeringcentral.substack.com'],
  },
  {
    slug: 'linux-os',
    name: 'Linux & Operating Systems',
    terms: ['linux kernel', 'windows subsystem for linux', '=WSL', 'kernel (?:modules?|drivers?|patch(?:es)?|developers?|maintainers?)', 'systemd', 'syscalls?', 'io_uring', 'posix', 'windows (?:internals|registry|insider|11|10)', 'page (?:cache|faults?)', '=mmap', 'o_direct', 'o\\\\_direct', 'direct i/o'],
    clues: ['linux', 'unix', 'kernel', 'operating systems?', 'file ?systems?'],
    hints: ['macos', '=Windows', 'ubuntu', 'debian', 'fedora', 'chromeos', 'chrome os', 'freebsd', 'openbsd'],
    titleTerms: ['=Windows'],
    sites: ['kernel.org'],
    domains: ['lwn.net'],
  },
  {
    slug: 'networking',
    name: 'Networking',
    terms: ['networking', 'computer networks?', 'network (?:engineers?|traffic|protocols?|stack|latency|infrastructure|throttling|outages?|performance|bandwidth)', '=DNS', '=BGP', '=TCP', '=UDP', '=QUIC', 'ipv[46]', 'ip (?:addresses|prefixes)', '=CDNs?', 'load balanc\\w+', 'internet service providers?', '=ISPs?', 'broadband', 'fiber(?:-optic| optic)?', 'subsea cables?', 'undersea cables?', '5g', 'wi-?fi', 'byoip', 'anycast', '=RPKI', 'telecoms?', 'telecommunications?', 'infiniband', 'ethernet', '=SNMP', '=mTLS', 'http message signatures', 'starlink', 'cilium'],
    clues: ['packets?', 'bandwidth', 'routing', 'bot traffic', '=VPNs?'],
    hints: ['networks?', 'routers?'],
  },
];

export const TOPIC_DEFINITIONS: readonly TopicDefinition[] = [...AI_TOPICS, ...SOFTWARE_TOPICS, ...WORLD_TOPICS];
