#include "detectors/pattern.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "detectors/symbol_resolver.h"

namespace uprev {

struct Pattern::Node {
  // kQualified: a dotted name (`numpy.float_`) matched through the file's
  // imports; `text` is the qualified name.
  enum class Type { kNode, kMetavar, kSequence, kQualified };
  Type type = Type::kNode;
  TSSymbol symbol = 0;
  std::string name;  // metavariable name; "_" is anonymous
  std::string text;  // leaf text
  std::string gaps;  // text inside the node not covered by children, squeezed
  bool named = false;
  std::vector<Node> children;
};

namespace {

using Node = Pattern::Node;

bool IsUpperWordChar(char c) {
  return std::isupper(static_cast<unsigned char>(c)) ||
         std::isdigit(static_cast<unsigned char>(c)) || c == '_';
}

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Replaces metavariables with identifiers legal in every grammar. `offsets`
// maps each offset of the result back to the original text.
std::string SubstituteMetavariables(const Language& language, std::string_view text,
                                    std::vector<uint32_t>* offsets) {
  std::string out;
  offsets->clear();
  size_t i = 0;
  auto emit = [&](std::string_view piece, uint32_t origin) {
    for (size_t k = 0; k < piece.size(); ++k) offsets->push_back(origin);
    out.append(piece);
  };
  while (i < text.size()) {
    if (text[i] == '$') {
      bool seq = text.substr(i, 3) == "$$$";
      size_t start = i + (seq ? 3 : 1);
      size_t end = start;
      while (end < text.size() && IsUpperWordChar(text[end])) ++end;
      std::string_view name = text.substr(start, end - start);
      bool valid = !name.empty() &&
                   (name == "_" || std::isupper(static_cast<unsigned char>(name[0])));
      if (seq && name.empty()) {
        name = "_";
        valid = true;
      }
      if (valid && (end >= text.size() || !IsWordChar(text[end]))) {
        emit(seq ? language.sequence_prefix : language.metavar_prefix,
             static_cast<uint32_t>(i));
        emit(name, static_cast<uint32_t>(start));
        emit(language.metavar_suffix, static_cast<uint32_t>(end));
        i = end;
        continue;
      }
    }
    offsets->push_back(static_cast<uint32_t>(i));
    out.push_back(text[i]);
    ++i;
  }
  offsets->push_back(static_cast<uint32_t>(text.size()));
  return out;
}

// Ways a snippet can stand in a file: alone, as a statement, inside a
// function body or a class body.
struct Context {
  std::string_view prefix;
  std::string_view suffix;
};

std::vector<Context> ContextsFor(const Language& language) {
  std::string_view name = language.name;
  if (name == "go") {
    return {{"", ""},
            {"package uprev_p\nfunc uprev_f() {\n", "\n}\n"},
            {"package uprev_p\n", "\n"}};
  }
  if (name == "java") {
    return {{"", ""},
            {"", ";"},
            {"class UprevC {\nvoid uprevF() {\n", ";\n}\n}\n"},
            {"class UprevC {\n", "\n}\n"}};
  }
  if (name == "c" || name == "cpp") {
    // An initializer first: alone, `f(x)` is read as a declaration of x.
    return {{"int uprev_v = ", ";\n"}, {"", ""}, {"", ";"}, {"void uprev_f() {\n", ";\n}\n"}};
  }
  if (name == "javascript" || name == "typescript" || name == "tsx") {
    return {{"", ""}, {"class UprevC {\n", "\n}\n"}};
  }
  if (name == "json") {
    // A lone "key": value pair only stands inside an object.
    return {{"", ""}, {"{", "}"}};
  }
  return {{"", ""}};
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "uprev_mv_X" -> kMetavar "X"; "uprev_mvs_X" -> kSequence "X".
bool ParsePlaceholder(const Language& language, std::string_view text, Node* node) {
  text = TrimSpace(text);
  if (!text.empty() && text.back() == ';') text = TrimSpace(text.substr(0, text.size() - 1));
  std::string_view suffix = language.metavar_suffix;
  if (!suffix.empty()) {
    if (text.size() < suffix.size() || text.substr(text.size() - suffix.size()) != suffix) return false;
    text.remove_suffix(suffix.size());
  }
  for (auto [prefix, type] : {std::pair{language.sequence_prefix, Node::Type::kSequence},
                              std::pair{language.metavar_prefix, Node::Type::kMetavar}}) {
    if (text.size() > prefix.size() && text.substr(0, prefix.size()) == prefix) {
      std::string_view name = text.substr(prefix.size());
      if (!std::all_of(name.begin(), name.end(), IsUpperWordChar)) return false;
      node->type = type;
      node->name = std::string(name);
      return true;
    }
  }
  return false;
}

// A syntax error other than a missing `;`: a statement that is only a
// metavariable (`$$$BODY` in a Java block) lacks its `;`, and that is fine.
bool HasRealError(TSNode node) {
  if (!ts_node_has_error(node)) return false;
  if (ts_node_is_missing(node)) return std::string_view(ts_node_type(node)) != ";";
  if (ts_node_symbol(node) == static_cast<TSSymbol>(-1)) return true;
  uint32_t count = ts_node_child_count(node);
  bool explained = false;
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_child(node, i);
    if (!ts_node_has_error(child)) continue;
    if (HasRealError(child)) return true;
    explained = true;
  }
  return !explained;  // the error sits in a token that is not visible
}

// The text of `node` that no child covers (a TOML string's content, for
// one), without white space: two nodes of one kind with equal children
// are still different when this differs.
std::string Gaps(TSNode node, std::string_view source) {
  std::string out;
  uint32_t cursor = ts_node_start_byte(node);
  auto take = [&](uint32_t end) {
    for (uint32_t i = cursor; i < end; ++i) {
      if (!std::isspace(static_cast<unsigned char>(source[i]))) out.push_back(source[i]);
    }
  };
  uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_child(node, i);
    take(ts_node_start_byte(child));
    cursor = std::max(cursor, ts_node_end_byte(child));
  }
  take(ts_node_end_byte(node));
  return out;
}

// Deeper patterns are refused: matching recurses once per level.
constexpr int kMaxPatternDepth = 256;

int Depth(TSNode node) {
  int deepest = 0;
  uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count && deepest <= kMaxPatternDepth; ++i) {
    deepest = std::max(deepest, Depth(ts_node_child(node, i)));
  }
  return deepest + 1;
}

// A qualified name in a pattern (Python `a.b`, Go `pkg.Name`): two or more
// plain names, none a metavariable.
std::optional<std::string> QualifiedName(const Language& language, TSNode ts,
                                         std::string_view source) {
  std::vector<std::string_view> chain = QualifiedChain(language, ts, source);
  if (chain.size() < 2) return std::nullopt;
  std::string out;
  for (std::string_view part : chain) {
    if (part.substr(0, language.metavar_prefix.size()) == language.metavar_prefix ||
        part.substr(0, language.sequence_prefix.size()) == language.sequence_prefix) {
      return std::nullopt;
    }
    if (!out.empty()) out += '.';
    out.append(part);
  }
  return out;
}

bool IsImportStatement(TSNode ts) {
  std::string_view type = ts_node_type(ts);
  return type == "import_statement" || type == "import_from_statement" ||
         type == "import_declaration" || type == "import_spec";
}

Node BuildNode(const Language& language, TSNode ts, std::string_view source,
               bool in_import = false) {
  Node node;
  if (ts_node_is_named(ts) && ParsePlaceholder(language, NodeText(ts, source), &node)) {
    return node;
  }
  // Names in an import statement are matched as written: a rule that
  // rewrites `import org.junit.Before;` means exactly that line.
  in_import = in_import || IsImportStatement(ts);
  std::optional<std::string> qualified;
  if (!in_import) qualified = QualifiedName(language, ts, source);
  if (qualified) {
    node.type = Node::Type::kQualified;
    node.text = std::move(*qualified);
    node.name = node.text.substr(node.text.rfind('.') + 1);  // the last segment
    // A Java call `a.B.m(...)`: the chain names the method, the arguments
    // still match as a pattern.
    TSNode arguments = ts_node_child_by_field_name(ts, "arguments", 9);
    if (std::string_view(ts_node_type(ts)) == "method_invocation" && !ts_node_is_null(arguments)) {
      node.children.push_back(BuildNode(language, arguments, source));
    }
    return node;
  }
  node.symbol = CanonicalSymbol(language, ts_node_symbol(ts));
  node.named = ts_node_is_named(ts);
  uint32_t count = ts_node_child_count(ts);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_child(ts, i);
    if (ts_node_is_extra(child) || ts_node_is_missing(child)) continue;
    if (CanonicalSymbol(language, ts_node_symbol(child)) == kSkippedSymbol) continue;
    node.children.push_back(BuildNode(language, child, source, in_import));
  }
  if (count == 0) {
    node.text = std::string(NodeText(ts, source));
  } else {
    node.gaps = Gaps(ts, source);
  }
  return node;
}

void CollectLiterals(const Node& node, std::vector<std::string>* out,
                     std::set<std::string>* metavars) {
  if (node.type == Node::Type::kQualified) {
    size_t start = 0;
    for (size_t dot; (dot = node.text.find('.', start)) != std::string::npos; start = dot + 1) {
      out->push_back(node.text.substr(start, dot - start));
    }
    out->push_back(node.text.substr(start));
    for (const Node& child : node.children) CollectLiterals(child, out, metavars);  // Java call arguments
    return;
  }
  if (node.type != Node::Type::kNode) {
    if (node.name != "_") metavars->insert(node.name);
    return;
  }
  if (node.children.empty() && !node.text.empty() &&
      std::all_of(node.text.begin(), node.text.end(), IsWordChar) &&
      !std::isdigit(static_cast<unsigned char>(node.text[0])) && node.text.size() >= 2) {
    out->push_back(node.text);
  }
  for (const Node& child : node.children) CollectLiterals(child, out, metavars);
}

// Text with all white space removed: what two bindings of one name compare.
std::string Squeeze(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

bool IsOpenBracket(const Node& n) {
  return n.type == Node::Type::kNode && !n.named && (n.text == "(" || n.text == "[");
}

bool IsCloseBracket(const Node& n) {
  return n.type == Node::Type::kNode && !n.named && (n.text == ")" || n.text == "]");
}

class Matcher {
 public:
  Matcher(const MatchContext& ctx, std::vector<NodeBinding>* bindings)
      : ctx_(ctx), bindings_(bindings) {}

  bool MatchNode(const Node& p, TSNode t) {
    if (p.type == Node::Type::kMetavar) {
      if (!ts_node_is_named(t)) return false;
      return Bind(p.name, NodeRange(t), false, t);
    }
    if (p.type == Node::Type::kSequence) return false;  // only inside lists
    if (p.type == Node::Type::kQualified) {
      if (!ts_node_is_named(t)) return false;
      // Cheap first: the last name is spelled the same in every spelling.
      std::vector<std::string_view> chain = QualifiedChain(*ctx_.language, t, ctx_.source);
      if (chain.empty() || chain.back() != p.name) return false;
      if (!ctx_.symbols) return NodeText(t, ctx_.source) == p.text;
      if (!ctx_.symbols->Matches(t, p.text)) return false;
      if (p.children.empty()) return true;
      TSNode arguments = ts_node_child_by_field_name(t, "arguments", 9);
      return !ts_node_is_null(arguments) && MatchNode(p.children[0], arguments);
    }
    if (CanonicalSymbol(*ctx_.language, ts_node_symbol(t)) != p.symbol) return false;
    std::vector<TSNode> children = Significant(t);
    if (p.children.empty()) {
      return children.empty() && NodeText(t, ctx_.source) == p.text;
    }
    size_t mark = bindings_->size();
    if (!MatchList(p.children, 0, children, 0, t)) return false;
    if (Gaps(t, ctx_.source) == p.gaps) return true;
    bindings_->resize(mark);
    return false;
  }

 private:
  std::vector<TSNode> Significant(TSNode t) {
    std::vector<TSNode> out;
    uint32_t count = ts_node_child_count(t);
    out.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode child = ts_node_child(t, i);
      if (ts_node_is_extra(child)) continue;
      if (CanonicalSymbol(*ctx_.language, ts_node_symbol(child)) == kSkippedSymbol) continue;
      out.push_back(child);
    }
    return out;
  }

  bool MatchList(const std::vector<Node>& ps, size_t i, const std::vector<TSNode>& ts,
                 size_t j, TSNode parent) {
    if (i == ps.size()) return j == ts.size();
    const Node& p = ps[i];
    size_t mark = bindings_->size();
    if (p.type == Node::Type::kSequence) {
      bool whole_list = i > 0 && i + 1 < ps.size() && IsOpenBracket(ps[i - 1]) &&
                        IsCloseBracket(ps[i + 1]);
      // Shortest first, so that `f($$$A, $B)` binds the last argument to $B.
      for (size_t k = j; k <= ts.size(); ++k) {
        ByteRange range;
        if (whole_list && j > 0 && k < ts.size()) {
          // All between the brackets: line breaks and a trailing comma keep
          // their layout when the fix puts the list in new brackets.
          range = {ts_node_end_byte(ts[j - 1]), ts_node_start_byte(ts[k])};
        } else if (k > j) {
          range = {ts_node_start_byte(ts[j]), ts_node_end_byte(ts[k - 1])};
        } else {
          uint32_t at = j < ts.size() ? ts_node_start_byte(ts[j]) : ts_node_end_byte(parent);
          if (j < ts.size() && j > 0) at = ts_node_end_byte(ts[j - 1]);
          range = {at, at};
        }
        if (Bind(p.name, range, true, k > j ? ts[j] : parent) && MatchList(ps, i + 1, ts, k, parent)) return true;
        bindings_->resize(mark);
      }
      return false;
    }
    if (j >= ts.size()) return false;
    if (MatchNode(p, ts[j]) && MatchList(ps, i + 1, ts, j + 1, parent)) return true;
    bindings_->resize(mark);
    return false;
  }

  bool Bind(const std::string& name, ByteRange range, bool sequence, TSNode node) {
    if (name == "_") return true;
    for (const NodeBinding& b : *bindings_) {
      if (*b.name == name) {
        return Squeeze(ctx_.source.substr(b.range.begin, b.range.size())) ==
               Squeeze(ctx_.source.substr(range.begin, range.size()));
      }
    }
    bindings_->push_back(NodeBinding{&name, range, sequence, node});
    return true;
  }

  const MatchContext& ctx_;
  std::vector<NodeBinding>* bindings_;
};

}  // namespace

bool IsMetavariableName(std::string_view name) {
  return !name.empty() && (name == "_" || std::isupper(static_cast<unsigned char>(name[0]))) &&
         std::all_of(name.begin(), name.end(), IsUpperWordChar);
}

Pattern::~Pattern() = default;

TSSymbol Pattern::root_symbol() const {
  return root_->type == Node::Type::kNode ? root_->symbol : kAnySymbol;
}

Result<std::shared_ptr<const Pattern>> Pattern::Compile(const Language& language,
                                                        std::string_view text,
                                                        uint32_t* error_offset) {
  std::vector<uint32_t> offsets;
  std::string body = SubstituteMetavariables(language, text, &offsets);
  std::string_view trimmed = TrimSpace(body);
  if (trimmed.empty()) {
    *error_offset = 0;
    return Status::Invalid("pattern is empty");
  }
  uint32_t lead = static_cast<uint32_t>(trimmed.data() - body.data());
  std::optional<uint32_t> first_error;
  bool several_nodes = false;
  for (const Context& context : ContextsFor(language)) {
    std::string snippet = std::string(context.prefix) + body + std::string(context.suffix);
    SyntaxTree tree = SyntaxTree::Parse(language, snippet);
    if (HasRealError(tree.root())) {
      if (!first_error && context.prefix.empty()) {
        uint32_t at = tree.FirstErrorOffset().value_or(0);
        first_error = std::min<uint32_t>(at, static_cast<uint32_t>(body.size()));
      }
      continue;
    }
    uint32_t begin = static_cast<uint32_t>(context.prefix.size()) + lead;
    uint32_t end = begin + static_cast<uint32_t>(trimmed.size());
    TSNode node = ts_node_named_descendant_for_byte_range(tree.root(), begin, end);
    // A snippet of several statements has no single node of its own.
    bool several = ts_node_eq(node, tree.root()) ||
                   (std::string_view(ts_node_type(node)) == "statement_list" &&
                    ts_node_named_child_count(node) > 1);
    if (ts_node_start_byte(node) != begin || ts_node_end_byte(node) != end || several) {
      several_nodes = true;  // perhaps one node in another context
      continue;
    }
    if (Depth(node) > kMaxPatternDepth) {
      *error_offset = offsets[lead];
      return Status::Invalid(
          fmt::format("pattern nests deeper than {} syntax levels", kMaxPatternDepth));
    }
    auto pattern = std::shared_ptr<Pattern>(new Pattern());
    pattern->text_ = std::string(text);
    pattern->root_ = std::make_unique<Node>(BuildNode(language, node, snippet));
    std::vector<std::string> literals;
    CollectLiterals(*pattern->root_, &literals, &pattern->metavariables_);
    std::sort(literals.begin(), literals.end());
    literals.erase(std::unique(literals.begin(), literals.end()), literals.end());
    pattern->literals_ = std::move(literals);
    return std::shared_ptr<const Pattern>(std::move(pattern));
  }
  if (several_nodes) {
    *error_offset = offsets[lead];
    return Status::Invalid("pattern must be a single expression, statement or declaration");
  }
  *error_offset = offsets[first_error.value_or(lead)];
  return Status::Invalid(fmt::format("pattern does not parse as {}", language.name));
}

bool Pattern::MatchAt(TSNode node, const MatchContext& ctx,
                      std::vector<NodeBinding>* bindings) const {
  size_t mark = bindings->size();
  Matcher matcher(ctx, bindings);
  if (matcher.MatchNode(*root_, node)) return true;
  bindings->resize(mark);
  return false;
}

}  // namespace uprev
