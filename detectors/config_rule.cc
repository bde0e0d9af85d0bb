#include "detectors/config_rule.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>

namespace uprev {
namespace {

using Kind = ConfigNode::Kind;

bool SameSegments(const std::vector<KeySegment>& a, const std::vector<KeySegment>& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](const KeySegment& x, const KeySegment& y) { return x.key == y.key; });
}

bool IsPrefix(const std::vector<KeySegment>& prefix, const std::vector<KeySegment>& path) {
  return prefix.size() <= path.size() &&
         SameSegments(prefix, std::vector<KeySegment>(path.begin(), path.begin() + prefix.size()));
}

// The text a `where` compares: a scalar's, or the scalar an alias stands for.
std::optional<std::string> ComparedText(const ConfigDocument& doc, const ConfigNode* v) {
  if (v && v->kind == Kind::kAlias) v = doc.Anchor(v->text);
  if (!v) return std::nullopt;
  if (v->kind == Kind::kScalar) return v->text;
  if (v->kind == Kind::kNull) return std::string();
  return std::nullopt;
}

bool WhereHolds(const ConfigRule& rule, const ConfigDocument& doc) {
  for (const ConfigCondition& c : rule.where) {
    std::vector<ResolvedEntry> found = ResolvePath(doc, c.path.segments);
    if (found.empty()) return false;
    std::optional<std::string> text = ComparedText(doc, found[0].entry->value);
    if (!text || std::find(c.values.begin(), c.values.end(), *text) == c.values.end()) return false;
  }
  return true;
}

// Where the finding points: `at`, else the first edit's path that exists,
// else the document's first key.
ByteRange Locate(const ConfigRule& rule, const ConfigDocument& doc) {
  if (rule.at) {
    std::vector<ResolvedEntry> found = ResolvePath(doc, rule.at->segments);
    if (!found.empty()) return PointOf(*found[0].entry);
  }
  for (const ConfigEdit& edit : rule.edits) {
    for (const ResolvedEntry& r : ResolvePath(doc, edit.path.segments)) {
      const ConfigNode* v = r.entry->value;
      bool hit = edit.kind != ConfigEdit::Kind::kReplace ||
                 (v && v->kind == Kind::kScalar && std::regex_search(v->text, edit.regex));
      if (hit) return PointOf(*r.entry);
    }
  }
  const ConfigNode* root = doc.root();
  if (root && !root->entries.empty()) return PointOf(root->entries[0]);
  uint32_t begin = root ? root->range.begin : doc.extent().begin;
  return ByteRange{begin, begin};
}

// Applies a rule's edits, in order, to one document's text, re-reading the
// document after each change. Tracks the span of the original text that
// the changes cover.
class EditRun {
 public:
  EditRun(const Language& language, std::string text)
      : language_(language), text_(std::move(text)) {}

  void Apply(const ConfigEdit& edit);

  bool changed() const { return span_.has_value(); }
  // The original span (relative to the document) and its new text.
  ByteRange original_span() const { return ByteRange{span_->original_begin, span_->original_end}; }
  std::string new_text() const { return text_.substr(span_->begin, span_->end - span_->begin); }
  const std::vector<std::string>& reviews() const { return reviews_; }

 private:
  struct Span {
    uint32_t original_begin, original_end;  // in the text before any edit
    uint32_t begin, end;                    // the same bytes in text_
  };
  struct State {
    std::string text;
    std::optional<Span> span;
  };

  const ConfigDocument* Doc();
  void Commit(const std::vector<Edit>& edits);
  void Step(ConfigStep step) {
    if (!step.review.empty()) {
      reviews_.push_back(std::move(step.review));
    } else {
      Commit(step.edits);
    }
  }
  ConfigStep StepFor(const ConfigEdit& edit, const ResolvedEntry& at);
  bool ApplyAtOnce(const ConfigEdit& edit, const std::vector<ResolvedEntry>& targets);
  void Move(const ConfigEdit& edit, const std::vector<KeySegment>& source);
  const ResolvedEntry* Find(const std::vector<KeySegment>& path);

  const Language& language_;
  std::string text_;
  std::optional<SyntaxTree> tree_;  // of text_, with its documents
  std::vector<ConfigDocument> docs_;
  std::vector<ResolvedEntry> found_;
  std::optional<Span> span_;
  std::vector<std::string> reviews_;
  bool unreadable_ = false;
};

// The document as the edits so far left it; nullptr (and a review reason)
// when they left it unreadable, which stops the edits that follow.
const ConfigDocument* EditRun::Doc() {
  if (!tree_) {
    tree_ = SyntaxTree::Parse(language_, text_);
    docs_ = BuildConfigDocuments(*tree_);
  }
  if (docs_.size() == 1 && !docs_[0].has_error()) return &docs_[0];
  if (!unreadable_) {
    unreadable_ = true;
    reviews_.push_back(
        "the edits leave the document unreadable; the edits after that were not made");
  }
  return nullptr;
}

const ResolvedEntry* EditRun::Find(const std::vector<KeySegment>& path) {
  const ConfigDocument* doc = Doc();
  found_ = doc ? ResolvePath(*doc, path) : std::vector<ResolvedEntry>{};
  return found_.empty() ? nullptr : &found_[0];
}

void EditRun::Commit(const std::vector<Edit>& edits) {
  if (edits.empty()) return;
  EditSet set;
  for (const Edit& e : edits) {
    bool added = set.Add(e);
    assert(added && "a step's edits do not overlap");
    (void)added;
  }
  uint32_t begin = set.edits().front().range.begin, end = set.edits().back().range.end;
  int64_t delta = 0;
  for (const Edit& e : set.edits()) {
    delta += static_cast<int64_t>(e.replacement.size()) - static_cast<int64_t>(e.range.size());
  }
  found_.clear();
  docs_.clear();
  tree_.reset();
  text_ = set.Apply(text_);
  if (!span_) {
    span_ = Span{begin, end, begin, static_cast<uint32_t>(end + delta)};
    return;
  }
  uint32_t new_begin = std::min(span_->begin, begin);
  uint32_t old_end = std::max(span_->end, end);
  span_->original_begin -= span_->begin - new_begin;
  span_->original_end += old_end - span_->end;
  span_->begin = new_begin;
  span_->end = static_cast<uint32_t>(old_end + delta);
}

// A move's target for one source: `to` with the source's keys in place of
// its `*`s.
std::vector<KeySegment> MoveTarget(const ConfigEdit& edit, const std::vector<KeySegment>& source) {
  std::vector<KeySegment> filled;
  for (size_t i = 0; i < edit.path.segments.size(); ++i) {
    if (edit.path.segments[i].kind == KeySegment::Kind::kAny) filled.push_back(source[i]);
  }
  std::vector<KeySegment> target = edit.to.segments;
  for (size_t i = 0, k = 0; i < target.size(); ++i) {
    if (target[i].kind == KeySegment::Kind::kAny && k < filled.size()) target[i] = filled[k++];
  }
  return target;
}

// Whether a move stays within one mapping (and so is a rename).
bool MovesWithinItsMapping(const std::vector<KeySegment>& source,
                           const std::vector<KeySegment>& target) {
  return SameSegments(std::vector<KeySegment>(target.begin(), target.end() - 1),
                      std::vector<KeySegment>(source.begin(), source.end() - 1));
}

ConfigStep EditRun::StepFor(const ConfigEdit& edit, const ResolvedEntry& at) {
  switch (edit.kind) {
    case ConfigEdit::Kind::kSet:
      return SetValue(*Doc(), at, edit.value);
    case ConfigEdit::Kind::kReplace:
      return ReplaceValue(*Doc(), at, edit.regex, edit.with);
    case ConfigEdit::Kind::kRename:
      return RenameKey(*Doc(), at, edit.name);
    case ConfigEdit::Kind::kDelete:
      return DeleteEntry(*Doc(), at);
    case ConfigEdit::Kind::kMove:
      return RenameKey(*Doc(), at, MoveTarget(edit, at.concrete).back().key);
  }
  return ConfigStep{};
}

bool EditRun::ApplyAtOnce(const ConfigEdit& edit, const std::vector<ResolvedEntry>& targets) {
  EditSet all;
  std::vector<std::string> reviews;
  for (const ResolvedEntry& at : targets) {
    if (edit.kind == ConfigEdit::Kind::kMove &&
        !MovesWithinItsMapping(at.concrete, MoveTarget(edit, at.concrete))) {
      return false;
    }
    ConfigStep step = StepFor(edit, at);
    if (!step.review.empty()) reviews.push_back(std::move(step.review));
    for (Edit& e : step.edits) {
      if (!all.Add(std::move(e))) return false;
    }
  }
  for (std::string& r : reviews) reviews_.push_back(std::move(r));
  Commit(all.edits());
  return true;
}

void EditRun::Apply(const ConfigEdit& edit) {
  const ConfigDocument* doc = Doc();
  if (!doc) return;
  std::vector<ResolvedEntry> targets = ResolvePath(*doc, edit.path.segments);
  if (targets.empty()) return;
  // One tree serves every target unless their edits touch (deleting
  // neighbours in one list) or the edit moves entries to other mappings.
  if (ApplyAtOnce(edit, targets)) return;
  std::vector<std::vector<KeySegment>> paths;
  for (const ResolvedEntry& r : targets) paths.push_back(r.concrete);
  // Else one by one, on the text each leaves, the last first: deleting a
  // sequence item leaves the earlier indexes valid.
  for (auto it = paths.rbegin(); it != paths.rend(); ++it) {
    if (edit.kind == ConfigEdit::Kind::kMove) {
      Move(edit, *it);
    } else if (const ResolvedEntry* at = Find(*it)) {
      Step(StepFor(edit, *at));
    }
  }
}

void EditRun::Move(const ConfigEdit& edit, const std::vector<KeySegment>& source) {
  std::vector<KeySegment> target = MoveTarget(edit, source);
  std::vector<KeySegment> parent_path(target.begin(), target.end() - 1);
  const std::string& key = target.back().key;
  std::string what = fmt::format("'{}' not moved to '{}'", PathText(source), PathText(target));
  const ResolvedEntry* at = Find(source);
  if (!at) return;  // Doc() is readable
  if (MovesWithinItsMapping(source, target)) {
    Step(RenameKey(*Doc(), *at, key));  // within one mapping, a move is a rename
    return;
  }
  ResolvedEntry moved = *at;
  const ConfigNode* parent = parent_path.empty() ? Doc()->root()
                             : Find(parent_path) ? found_[0].entry->value
                                                 : nullptr;
  std::string problem = InsertProblem(*Doc(), parent, PathText(parent_path));
  if (problem.empty() && IsPrefix(source, parent_path)) problem = "the target is inside it";
  if (problem.empty() && std::any_of(parent->entries.begin(), parent->entries.end(),
                                     [&](const ConfigEntry& e) { return e.key == key; })) {
    problem = fmt::format("'{}' already exists", PathText(target));
  }
  TakenValue value;
  if (problem.empty()) {
    value = TakeValue(*Doc(), moved);
    problem = value.review;
  }
  ConfigStep removal;
  if (problem.empty()) {
    removal = DeleteEntry(*Doc(), moved);
    problem = removal.review;
  }
  if (!problem.empty()) {
    reviews_.push_back(fmt::format("{}: {}", what, problem));
    return;
  }
  State before{text_, span_};
  Commit(removal.edits);
  const ConfigDocument* doc = Doc();
  parent = !doc                  ? nullptr
           : parent_path.empty() ? doc->root()
           : Find(parent_path)   ? found_[0].entry->value
                                 : nullptr;
  if (!doc || !InsertProblem(*doc, parent, "").empty()) {
    tree_.reset();
    docs_.clear();
    text_ = std::move(before.text);
    span_ = before.span;
    reviews_.push_back(fmt::format("{}: the target moved when the key was removed", what));
    return;
  }
  Commit(InsertEntry(*Doc(), *parent, key, value).edits);
}

}  // namespace

std::vector<ConfigMatch> MatchConfigRule(const ConfigRule& rule,
                                         const std::vector<ConfigDocument>& docs,
                                         const Language& language) {
  std::vector<ConfigMatch> out;
  for (const ConfigDocument& doc : docs) {
    // A document with a syntax error may not be what it seems: left alone.
    if (!doc.root() || doc.has_error() || !WhereHolds(rule, doc)) continue;
    ConfigMatch match;
    match.at = Locate(rule, doc);
    match.span = match.at;
    if (rule.edits.empty()) {
      out.push_back(std::move(match));
      continue;
    }
    ByteRange extent = doc.extent();
    EditRun run(language, std::string(doc.text().substr(extent.begin, extent.size())));
    for (const ConfigEdit& edit : rule.edits) run.Apply(edit);
    if (!run.changed() && run.reviews().empty()) continue;
    if (run.changed()) {
      ByteRange span = run.original_span();
      match.span = ByteRange{extent.begin + span.begin, extent.begin + span.end};
      match.replacement = run.new_text();
      // Edits that undo each other (rename a to b, then b to a) change nothing.
      if (*match.replacement == doc.text().substr(match.span.begin, match.span.size())) {
        if (run.reviews().empty()) continue;
        match.span = match.at;
        match.replacement.reset();
      }
    }
    match.review = fmt::format("{}", fmt::join(run.reviews(), "; "));
    out.push_back(std::move(match));
  }
  return out;
}

}  // namespace uprev
