#include "rewriters/import_editor.h"

#include "grammars/syntax_tree.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>

namespace uprev {
namespace {

struct Line {
  uint32_t begin;  // offset of the first byte
  uint32_t end;    // offset just past the newline (or end of text)
  std::string_view text;  // without the newline
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  uint32_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    uint32_t stop = nl == std::string_view::npos ? static_cast<uint32_t>(text.size())
                                                 : static_cast<uint32_t>(nl);
    uint32_t next = nl == std::string_view::npos ? stop : stop + 1;
    lines.push_back(Line{pos, next, text.substr(pos, stop - pos)});
    pos = next;
  }
  return lines;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Whether the file refers to `name` as an identifier outside its imports:
// comments and strings do not count, nor `x.name` (an attribute of
// something else).
bool Referenced(std::string_view language, std::string_view text, std::string_view name) {
  const Language* lang = FindLanguage(language);
  SyntaxTree tree = SyntaxTree::Parse(*lang, text);
  bool found = false;
  WalkTree(tree.root(), [&](TSNode node) {
    std::string_view type = ts_node_type(node);
    if (type == "import_statement" || type == "import_from_statement" ||
        type == "import_declaration" || type == "future_import_statement") {
      return Walk::kSkipChildren;
    }
    if ((type == "identifier" || type == "package_identifier" || type == "type_identifier") &&
        NodeText(node, text) == name) {
      TSNode attribute = ts_node_child_by_field_name(ts_node_parent(node), "attribute", 9);
      if (ts_node_is_null(attribute) || !ts_node_eq(attribute, node)) {
        found = true;
        return Walk::kStop;
      }
    }
    return Walk::kDescend;
  });
  return found;
}

// ---- Python ----

// Whether the file uses the module `import M` binds: `M` itself, or for a
// dotted `a.b` an attribute chain that starts `a.b` (`import a.c` binds `a`
// too, so `a.c.x` is no use of `a.b`).
bool PythonModuleReferenced(std::string_view text, std::string_view module) {
  size_t dot = module.find('.');
  if (dot == std::string_view::npos) return Referenced("python", text, module);
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("python"), text);
  bool found = false;
  WalkTree(tree.root(), [&](TSNode node) {
    std::string_view type = ts_node_type(node);
    if (type == "import_statement" || type == "import_from_statement" ||
        type == "future_import_statement") {
      return Walk::kSkipChildren;
    }
    if (type != "identifier" || NodeText(node, text) != module.substr(0, dot)) return Walk::kDescend;
    std::string chain(NodeText(node, text));
    for (TSNode at = node, parent = ts_node_parent(node);
         !ts_node_is_null(parent) && std::string_view(ts_node_type(parent)) == "attribute" &&
         ts_node_eq(ts_node_child_by_field_name(parent, "object", 6), at);
         at = parent, parent = ts_node_parent(parent)) {
      chain += "." + std::string(NodeText(ts_node_child_by_field_name(parent, "attribute", 9), text));
      if (chain.size() >= module.size()) break;
    }
    if (chain == module) {
      found = true;
      return Walk::kStop;
    }
    return Walk::kDescend;
  });
  return found;
}

// The top-level `import a, b as c` names of a line, or nothing.
std::optional<std::vector<std::string>> PythonImportedModules(std::string_view line) {
  if (!StartsWith(line, "import ")) return std::nullopt;
  std::vector<std::string> modules;
  std::string_view rest = line.substr(7);
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = Trim(rest.substr(0, comma));
    size_t as = item.find(" as ");
    if (as == std::string_view::npos) modules.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return modules;
}

// The index of the line after which a new import goes.
std::optional<size_t> PythonInsertionLine(const std::vector<Line>& lines) {
  std::optional<size_t> after;
  size_t i = 0;
  bool in_docstring = false;
  std::string_view quote;
  for (; i < lines.size(); ++i) {
    std::string_view t = lines[i].text;
    std::string_view trimmed = Trim(t);
    if (in_docstring) {
      if (trimmed.find(quote) != std::string_view::npos) {
        in_docstring = false;
        after = i;
      }
      continue;
    }
    if (trimmed.empty() || StartsWith(trimmed, "#")) continue;
    if (!after && (StartsWith(trimmed, "\"\"\"") || StartsWith(trimmed, "'''"))) {
      quote = trimmed.substr(0, 3);
      if (trimmed.size() >= 6 && trimmed.substr(trimmed.size() - 3) == quote) {
        after = i;
      } else {
        in_docstring = true;
      }
      continue;
    }
    if (StartsWith(t, "import ") || StartsWith(t, "from ")) {
      // A parenthesised or continued import spans lines.
      while (i + 1 < lines.size() &&
             ((t.find('(') != std::string_view::npos && t.find(')') == std::string_view::npos) ||
              (!t.empty() && t.back() == '\\'))) {
        ++i;
        if (lines[i].text.find(')') != std::string_view::npos) break;
      }
      after = i;
      continue;
    }
    break;
  }
  return after;
}

// `from M import a, b` on one line: the names it imports (aliases count
// under their own names), or nothing.
std::optional<std::vector<std::string>> PythonFromImport(std::string_view line,
                                                        std::string_view module) {
  std::string head = "from " + std::string(module) + " import ";
  if (!StartsWith(line, head)) return std::nullopt;
  std::string_view rest = line.substr(head.size());
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  if (rest.find('(') != std::string_view::npos || rest.find('\\') != std::string_view::npos ||
      Trim(rest) == "*") {
    return std::nullopt;
  }
  std::vector<std::string> names;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = Trim(rest.substr(0, comma));
    size_t as = item.find(" as ");
    names.emplace_back(Trim(item.substr(0, as)));
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return names;
}

// The items of a one-line from-import (`a`, `b as c`), its code part.
std::vector<std::string> FromImportItems(std::string_view code, size_t head) {
  std::vector<std::string> items;
  std::string_view rest = code.substr(head);
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = Trim(rest.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return items;
}

std::string_view ItemName(std::string_view item) { return Trim(item.substr(0, item.find(" as "))); }

// The edit that rewrites line `l` as `from M import ITEMS`, keeping a
// trailing comment; the whole line goes when no item is left.
Edit RewriteFromImport(const Line& l, const std::string& head, const std::vector<std::string>& items) {
  if (items.empty()) return Edit{{l.begin, l.end}, "", -1};
  std::string_view comment = l.text.substr(std::min(l.text.size(), l.text.find('#')));
  std::string line = head;
  for (size_t i = 0; i < items.size(); ++i) line += (i ? ", " : "") + items[i];
  if (!comment.empty()) line += "  " + std::string(comment);
  return Edit{{l.begin, l.begin + static_cast<uint32_t>(l.text.size())}, line, -1};
}

// Adds `name` to the file's one-line `from M import ...` (in sorted place
// when the names are sorted, else last); false when there is no such line.
bool AddToFromImport(const std::vector<Line>& lines, const std::string& module,
                     const std::string& name, std::vector<Edit>* edits) {
  std::string head = "from " + module + " import ";
  for (const Line& l : lines) {
    if (!PythonFromImport(l.text, module)) continue;
    std::vector<std::string> items =
        FromImportItems(l.text.substr(0, l.text.find('#')), head.size());
    auto by_name = [](const std::string& a, const std::string& b) { return ItemName(a) < ItemName(b); };
    if (std::any_of(items.begin(), items.end(), [&](const std::string& i) { return ItemName(i) == name; })) {
      return true;
    }
    auto at = std::is_sorted(items.begin(), items.end(), by_name)
                  ? std::lower_bound(items.begin(), items.end(), name, by_name)
                  : items.end();
    items.insert(at, name);
    edits->push_back(RewriteFromImport(l, head, items));
    return true;
  }
  return false;
}

// Drops `name` from the one-line `from M import ...` when nothing uses it
// any more; the whole line when it was the only name.
void RemoveFromImport(const std::vector<Line>& lines, std::string_view text,
                      const std::string& module, const std::string& name, std::vector<Edit>* edits) {
  if (Referenced("python", text, name)) return;
  std::string head = "from " + module + " import ";
  for (const Line& l : lines) {
    if (!PythonFromImport(l.text, module)) continue;
    std::vector<std::string> items =
        FromImportItems(l.text.substr(0, l.text.find('#')), head.size());
    size_t before = items.size();
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const std::string& i) {
                                 size_t as = i.find(" as ");
                                 std::string_view local =
                                     as == std::string::npos ? ItemName(i)
                                                             : Trim(std::string_view(i).substr(as + 4));
                                 return local == name;
                               }),
                items.end());
    if (items.size() == before) continue;
    edits->push_back(RewriteFromImport(l, head, items));
    return;
  }
}

std::vector<Edit> PythonImportEdits(std::string_view text, const ImportChanges& changes) {
  std::vector<Line> lines = SplitLines(text);
  std::vector<Edit> edits;
  std::string added;
  for (const std::string& entry : changes.add) {
    size_t colon = entry.find(':');
    if (colon != std::string::npos) {
      std::string module = entry.substr(0, colon), name = entry.substr(colon + 1);
      if (!AddToFromImport(lines, module, name, &edits)) {
        added += "from " + module + " import " + name + "\n";
      }
      continue;
    }
    const std::string& module = entry;
    bool present = std::any_of(lines.begin(), lines.end(), [&](const Line& l) {
      auto mods = PythonImportedModules(l.text);
      return mods && std::find(mods->begin(), mods->end(), module) != mods->end();
    });
    if (!present) added += "import " + module + "\n";
  }
  if (!added.empty()) {
    std::optional<size_t> after = PythonInsertionLine(lines);
    uint32_t at = 0;
    if (after) {
      at = lines[*after].end;
      if (at == text.size() && !text.empty() && text.back() != '\n') added = "\n" + added;
    } else {
      // After a leading block of comments (shebang, licence, encoding).
      for (const Line& l : lines) {
        if (!StartsWith(Trim(l.text), "#")) break;
        at = l.end;
      }
    }
    edits.push_back(Edit{{at, at}, added, -1});
  }
  for (const std::string& entry : changes.remove) {
    size_t colon = entry.find(':');
    if (colon != std::string::npos) {
      RemoveFromImport(lines, text, entry.substr(0, colon), entry.substr(colon + 1), &edits);
      continue;
    }
    // `import M`, or `import M as A`, when nothing uses M (or A) any more.
    for (const Line& l : lines) {
      std::string_view line = Trim(l.text);
      std::string head = "import " + entry;
      if (!StartsWith(line, head)) continue;
      std::string_view alias = Trim(line.substr(head.size()));
      std::string_view local = alias.empty() ? "" : Trim(alias.substr(std::min<size_t>(3, alias.size())));
      bool name = !local.empty() && std::all_of(local.begin(), local.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      });
      if (!alias.empty() && (!StartsWith(alias, "as ") || !name)) continue;
      if (alias.empty() ? PythonModuleReferenced(text, entry)
                        : Referenced("python", text, local)) {
        continue;
      }
      edits.push_back(Edit{{l.begin, l.end}, "", -1});
    }
  }
  return edits;
}

// ---- Go ----

struct GoImport {
  size_t line;
  std::string alias;  // "" when none
  std::string path;
};

struct GoImports {
  std::optional<size_t> block_open, block_close;  // the first `import (` block
  std::optional<size_t> package_line;
  std::vector<GoImport> specs;
  std::vector<size_t> single_lines;  // `import "x"` lines
};

std::optional<GoImport> ParseGoSpec(std::string_view text, size_t line) {
  text = Trim(text);
  size_t q1 = text.find('"');
  if (q1 == std::string_view::npos) return std::nullopt;
  size_t q2 = text.find('"', q1 + 1);
  if (q2 == std::string_view::npos) return std::nullopt;
  return GoImport{line, std::string(Trim(text.substr(0, q1))),
                  std::string(text.substr(q1 + 1, q2 - q1 - 1))};
}

GoImports ScanGoImports(const std::vector<Line>& lines) {
  GoImports out;
  bool in_block = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = Trim(lines[i].text);
    if (in_block) {
      if (t == ")") {
        in_block = false;
        if (!out.block_close) out.block_close = i;
        continue;
      }
      if (auto spec = ParseGoSpec(t, i)) out.specs.push_back(*spec);
      continue;
    }
    if (StartsWith(t, "package ") && !out.package_line) out.package_line = i;
    if (StartsWith(t, "import (")) {
      in_block = true;
      if (!out.block_open) out.block_open = i;
    } else if (StartsWith(t, "import ")) {
      if (auto spec = ParseGoSpec(t.substr(7), i)) {
        out.specs.push_back(*spec);
        out.single_lines.push_back(i);
      }
    }
    if (StartsWith(t, "func ") || StartsWith(t, "type ") || StartsWith(t, "var ")) break;
  }
  return out;
}

std::vector<Edit> GoImportEdits(std::string_view text, const ImportChanges& changes) {
  std::vector<Line> lines = SplitLines(text);
  GoImports imports = ScanGoImports(lines);
  std::vector<Edit> edits;
  std::vector<size_t> removed;
  for (const std::string& path : changes.remove) {
    for (const GoImport& spec : imports.specs) {
      if (spec.path != path) continue;
      std::string name = spec.alias.empty() ? path.substr(path.rfind('/') + 1) : spec.alias;
      if (name == "_" || name == ".") continue;
      if (Referenced("go", text, name)) continue;
      removed.push_back(spec.line);
    }
  }
  size_t block_specs = 0;
  for (const GoImport& spec : imports.specs) {
    bool single = std::find(imports.single_lines.begin(), imports.single_lines.end(), spec.line) !=
                  imports.single_lines.end();
    if (!single && std::find(removed.begin(), removed.end(), spec.line) == removed.end()) {
      ++block_specs;
    }
  }
  std::vector<std::string> to_add;
  for (const std::string& path : changes.add) {
    bool present = std::any_of(imports.specs.begin(), imports.specs.end(),
                               [&](const GoImport& s) { return s.path == path; });
    if (!present) to_add.push_back(path);
  }
  std::sort(to_add.begin(), to_add.end());
  bool block_emptied = imports.block_open && imports.block_close && block_specs == 0 && to_add.empty();
  for (size_t line : removed) {
    bool in_block = imports.block_open && line > *imports.block_open && imports.block_close &&
                    line < *imports.block_close;
    if (in_block && block_emptied) continue;
    edits.push_back(Edit{{lines[line].begin, lines[line].end}, "", -1});
  }
  if (block_emptied) {
    edits.push_back(Edit{{lines[*imports.block_open].begin, lines[*imports.block_close].end}, "", -1});
  }
  if (to_add.empty()) return edits;
  if (imports.block_open && imports.block_close) {
    // Into the first group (up to the first blank line), in sorted position.
    size_t first = *imports.block_open + 1;
    size_t group_end = first;
    while (group_end < *imports.block_close && !Trim(lines[group_end].text).empty()) ++group_end;
    for (const std::string& path : to_add) {
      size_t at = group_end;
      for (size_t i = first; i < group_end; ++i) {
        auto spec = ParseGoSpec(lines[i].text, i);
        if (spec && spec->path > path) {
          at = i;
          break;
        }
      }
      uint32_t offset = lines[at].begin;
      edits.push_back(Edit{{offset, offset}, "\t\"" + path + "\"\n", -1});
    }
    return edits;
  }
  std::string added;
  for (const std::string& path : to_add) added += "import \"" + path + "\"\n";
  if (!imports.single_lines.empty()) {
    uint32_t at = lines[imports.single_lines.back()].end;
    edits.push_back(Edit{{at, at}, added, -1});
  } else if (imports.package_line) {
    uint32_t at = lines[*imports.package_line].end;
    edits.push_back(Edit{{at, at}, "\n" + added, -1});
  }
  return edits;
}



// ---- JavaScript / TypeScript ----

bool IsJs(std::string_view language) {
  return language == "javascript" || language == "typescript" || language == "tsx";
}

// A one-line `import ... { a, b as c } ... from 'm'` or
// `const { a, b: c } = require('m')` of `module`: where its braces are.
struct BracedImport {
  const Line* line = nullptr;
  size_t open = 0, close = 0;  // offsets of `{` and `}` in the line
  bool require = false;
};

std::optional<BracedImport> FindBraced(const std::vector<Line>& lines, const std::string& module) {
  for (const Line& l : lines) {
    std::string_view t = l.text;
    bool es = StartsWith(t, "import ") && (t.find("'" + module + "'") != std::string_view::npos ||
                                           t.find("\"" + module + "\"") != std::string_view::npos);
    bool req = t.find("require('" + module + "')") != std::string_view::npos ||
               t.find("require(\"" + module + "\")") != std::string_view::npos;
    size_t open = t.find('{'), close = t.find('}');
    if ((es || req) && open != std::string_view::npos && close != std::string_view::npos && open < close) {
      return BracedImport{&l, open, close, req && !es};
    }
  }
  return std::nullopt;
}

std::vector<std::string> BracedItems(std::string_view inside) {
  std::vector<std::string> items;
  while (!inside.empty()) {
    size_t comma = inside.find(',');
    std::string_view item = Trim(inside.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    inside = inside.substr(comma + 1);
  }
  return items;
}

// The name an item binds in the file: `a`, `b as c` -> c, `b: c` -> c.
std::string_view LocalOf(std::string_view item) {
  size_t as = item.find(" as ");
  if (as != std::string_view::npos) return Trim(item.substr(as + 4));
  size_t colon = item.find(':');
  if (colon != std::string_view::npos) return Trim(item.substr(colon + 1));
  return Trim(item);
}

std::string_view ImportedOf(std::string_view item) {
  size_t cut = std::min(item.find(" as "), item.find(':'));
  return Trim(item.substr(0, cut));
}

Edit RewriteBraces(const BracedImport& b, const std::vector<std::string>& items) {
  std::string list = "{ ";
  for (size_t i = 0; i < items.size(); ++i) list += (i ? ", " : "") + items[i];
  list += " }";
  uint32_t begin = b.line->begin + static_cast<uint32_t>(b.open);
  return Edit{{begin, b.line->begin + static_cast<uint32_t>(b.close + 1)}, list, -1};
}

// Where a new import line goes, and how the file writes imports.
struct JsStyle {
  uint32_t after = 0;    // offset of the line start after the last import
  char quote = '\'';
  bool semicolon = true;
  bool require = false;  // the file imports with require() only
};

JsStyle StyleOf(const std::vector<Line>& lines) {
  JsStyle style;
  bool seen_es = false, seen_require = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = lines[i].text;
    bool es = StartsWith(t, "import ");
    bool req = !es && (StartsWith(t, "const ") || StartsWith(t, "let ") || StartsWith(t, "var ")) &&
               t.find("require(") != std::string_view::npos;
    if (!es && !req) continue;
    if (!seen_es && !seen_require) {
      size_t q = t.find_first_of("'\"");
      if (q != std::string_view::npos) style.quote = t[q];
      style.semicolon = !t.empty() && Trim(t).back() == ';';
    }
    seen_es |= es;
    seen_require |= req;
    size_t end = i;
    // A multi-line `import {` ends on the line with `from`.
    while (es && lines[end].text.find(" from ") == std::string_view::npos &&
           lines[end].text.find("from '") == std::string_view::npos && end + 1 < lines.size()) {
      ++end;
    }
    style.after = lines[end].end;
    i = end;
  }
  style.require = seen_require && !seen_es;
  if (!seen_es && !seen_require) {
    // After a shebang, 'use strict' and leading comments.
    for (const Line& l : lines) {
      std::string_view t = Trim(l.text);
      if (StartsWith(t, "#!") || StartsWith(t, "//") || t == "'use strict';" || t == "\"use strict\";") {
        style.after = l.end;
      } else {
        break;
      }
    }
  }
  return style;
}

// Deletes `import X from 'module';` or `const X = require('module');` when
// nothing refers to X any more.
void RemoveDefaultImport(const std::vector<Line>& lines, std::string_view text,
                         const std::string& module, std::vector<Edit>* edits) {
  for (const Line& l : lines) {
    std::string_view t = Trim(l.text);
    bool quoted = t.find("'" + module + "'") != std::string_view::npos ||
                  t.find("\"" + module + "\"") != std::string_view::npos;
    if (!quoted || t.find('{') != std::string_view::npos || t.find('*') != std::string_view::npos) {
      continue;
    }
    std::string_view local;
    if (StartsWith(t, "import ") && t.find(" from ") != std::string_view::npos) {
      local = Trim(t.substr(7, t.find(" from ") - 7));
    } else if (t.find("require(") != std::string_view::npos && t.find('=') != std::string_view::npos) {
      std::string_view left = Trim(t.substr(0, t.find('=')));
      local = Trim(left.substr(left.rfind(' ') + 1));
    }
    if (local.empty() || local.find(',') != std::string_view::npos) continue;
    if (Referenced("javascript", text, std::string(local))) continue;
    edits->push_back(Edit{{l.begin, l.end}, "", -1});
    return;
  }
}

std::vector<Edit> JsImportEdits(std::string_view text, const ImportChanges& changes) {
  std::vector<Line> lines = SplitLines(text);
  std::vector<Edit> edits;
  std::string added;
  JsStyle style = StyleOf(lines);
  for (const std::string& entry : changes.add) {
    size_t colon = entry.rfind(':');
    if (colon == std::string::npos) continue;  // JS entries are MODULE:NAME
    std::string module = entry.substr(0, colon), name = entry.substr(colon + 1);
    if (std::optional<BracedImport> b = FindBraced(lines, module)) {
      std::vector<std::string> items = BracedItems(b->line->text.substr(b->open + 1, b->close - b->open - 1));
      if (std::any_of(items.begin(), items.end(), [&](const std::string& i) { return ImportedOf(i) == name; })) {
        continue;
      }
      auto by_name = [](const std::string& a, const std::string& c) { return ImportedOf(a) < ImportedOf(c); };
      auto at = std::is_sorted(items.begin(), items.end(), by_name)
                    ? std::lower_bound(items.begin(), items.end(), name, by_name)
                    : items.end();
      items.insert(at, name);
      edits.push_back(RewriteBraces(*b, items));
      continue;
    }
    std::string q(1, style.quote), semi = style.semicolon ? ";" : "";
    added += style.require ? "const { " + name + " } = require(" + q + module + q + ")" + semi + "\n"
                           : "import { " + name + " } from " + q + module + q + semi + "\n";
  }
  if (!added.empty()) edits.push_back(Edit{{style.after, style.after}, added, -1});
  for (const std::string& entry : changes.remove) {
    size_t colon = entry.rfind(':');
    if (colon == std::string::npos) continue;
    std::string module = entry.substr(0, colon), name = entry.substr(colon + 1);
    if (name == "default") {
      RemoveDefaultImport(lines, text, module, &edits);
      continue;
    }
    std::optional<BracedImport> b = FindBraced(lines, module);
    if (!b) continue;
    std::vector<std::string> items = BracedItems(b->line->text.substr(b->open + 1, b->close - b->open - 1));
    auto it = std::find_if(items.begin(), items.end(), [&](const std::string& i) { return LocalOf(i) == name; });
    if (it == items.end() || Referenced("javascript", text, name)) continue;
    items.erase(it);
    std::string_view before = Trim(b->line->text.substr(0, b->open));
    bool only_braces = before == "import" || before == "const" || before == "let" || before == "var";
    if (items.empty() && only_braces) {
      edits.push_back(Edit{{b->line->begin, b->line->end}, "", -1});
    } else if (!items.empty()) {
      edits.push_back(RewriteBraces(*b, items));
    }
  }
  return edits;
}

// ---- Java ----

// Entries: "a.b.C" (import a.b.C;) or "static a.b.C.m" (import static ...;).
std::vector<Edit> JavaImportEdits(std::string_view text, const ImportChanges& changes) {
  std::vector<Line> lines = SplitLines(text);
  std::vector<Edit> edits;
  std::vector<size_t> import_lines;
  std::optional<size_t> package_line;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (StartsWith(lines[i].text, "import ")) import_lines.push_back(i);
    if (StartsWith(lines[i].text, "package ") && !package_line) package_line = i;
  }
  auto line_of = [](const std::string& entry) { return "import " + entry + ";"; };
  std::vector<std::string> added;
  for (const std::string& entry : changes.add) {
    bool present = std::any_of(lines.begin(), lines.end(),
                               [&](const Line& l) { return Trim(l.text) == line_of(entry); });
    if (!present) added.push_back(line_of(entry));
  }
  std::sort(added.begin(), added.end());
  if (!added.empty()) {
    std::string block;
    for (const std::string& a : added) block += a + "\n";
    if (!import_lines.empty()) {
      uint32_t at = lines[import_lines.back()].end;
      edits.push_back(Edit{{at, at}, block, -1});
    } else if (package_line) {
      uint32_t at = lines[*package_line].end;
      edits.push_back(Edit{{at, at}, "\n" + block, -1});
    } else {
      edits.push_back(Edit{{0, 0}, block + "\n", -1});
    }
  }
  for (const std::string& entry : changes.remove) {
    if (entry.size() >= 2 && entry.compare(entry.size() - 2, 2, ".*") == 0) continue;
    std::string simple = entry.substr(entry.rfind('.') + 1);
    if (Referenced("java", text, simple)) continue;
    for (size_t i : import_lines) {
      if (Trim(lines[i].text) == line_of(entry)) edits.push_back(Edit{{lines[i].begin, lines[i].end}, "", -1});
    }
  }
  return edits;
}

// ---- C / C++ ----

// A header as an `#include` spells it: `<memory>` is angle, `"a/b.h"` not.
struct Header {
  bool angle = true;
  std::string name;  // between the delimiters
  auto operator<=>(const Header&) const = default;
};

// One `#include` of the file, as the whole lines it spans.
struct Include {
  Header header;
  uint32_t begin = 0;  // start of its first line
  uint32_t end = 0;    // past its last newline (or end of text)
  // Outside every `#if` but an include guard, and outside code (`extern
  // "C" {`): a header added next to it applies to the whole file.
  bool top_level = false;
};

struct CppFile {
  std::vector<Include> includes;  // in file order
  uint32_t preamble_end = 0;      // where the first include of a file goes
};

// Top-level includes of one kind on consecutive lines.
using IncludeBlock = std::vector<const Include*>;

// A rule entry: `<memory>`, `"util/foo.h"`, or a bare `memory`, taken as an
// angle include since bare names in rules are system headers.
Header ParseHeaderEntry(std::string_view entry) {
  entry = Trim(entry);
  if (entry.size() < 2 || (entry.front() != '<' && entry.front() != '"')) {
    return Header{true, std::string(entry)};
  }
  return Header{entry.front() == '<', std::string(entry.substr(1, entry.size() - 2))};
}

// The entries without repeats, in name order.
std::vector<Header> ParseHeaderEntries(const std::vector<std::string>& entries) {
  std::vector<Header> headers;
  for (const std::string& entry : entries) headers.push_back(ParseHeaderEntry(entry));
  std::sort(headers.begin(), headers.end());
  headers.erase(std::unique(headers.begin(), headers.end()), headers.end());
  return headers;
}

std::string IncludeText(const Header& h) {
  return h.angle ? "#include <" + h.name + ">\n" : "#include \"" + h.name + "\"\n";
}

uint32_t LineStartOf(std::string_view text, uint32_t offset) {
  size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  return nl == std::string_view::npos ? 0 : static_cast<uint32_t>(nl + 1);
}

// Past the newline of the line holding the last byte before `end`
// (tree-sitter's directives already end past it, comments do not).
uint32_t LineEndOf(std::string_view text, uint32_t end) {
  if (end > 0 && text[end - 1] == '\n') return end;
  size_t nl = text.find('\n', end);
  return nl == std::string_view::npos ? static_cast<uint32_t>(text.size())
                                      : static_cast<uint32_t>(nl + 1);
}

// Whether the line starting at `offset` is blank; true at the end of text.
bool BlankLineAt(std::string_view text, uint32_t offset) {
  size_t nl = text.find('\n', offset);
  return Trim(text.substr(offset, nl == std::string_view::npos ? nl : nl - offset)).empty();
}

// The header an include names; none for `#include MACRO`.
std::optional<Header> HeaderOf(TSNode include, std::string_view text) {
  TSNode path = ts_node_child_by_field_name(include, "path", 4);
  if (ts_node_is_null(path)) return std::nullopt;
  std::string_view type = ts_node_type(path), spelled = NodeText(path, text);
  if ((type != "system_lib_string" && type != "string_literal") || spelled.size() < 2) {
    return std::nullopt;
  }
  return Header{type == "system_lib_string", std::string(spelled.substr(1, spelled.size() - 2))};
}

// The `#ifndef X` + `#define X` include guard when it is the first thing
// in the file after comments.
std::optional<TSNode> IncludeGuard(TSNode root, std::string_view text) {
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode node = ts_node_named_child(root, i);
    if (std::string_view(ts_node_type(node)) == "comment") continue;
    if (std::string_view(ts_node_type(node)) != "preproc_ifdef" ||
        std::string_view(ts_node_type(ts_node_child(node, 0))) != "#ifndef") {
      return std::nullopt;
    }
    TSNode name = ts_node_child_by_field_name(node, "name", 4);
    TSNode define = ts_node_named_child(node, 1);
    if (ts_node_is_null(define) || std::string_view(ts_node_type(define)) != "preproc_def" ||
        NodeText(ts_node_child_by_field_name(define, "name", 4), text) != NodeText(name, text)) {
      return std::nullopt;
    }
    return node;
  }
  return std::nullopt;
}

// Where the first include of a file goes: after its include guard or
// `#pragma once`, else after the leading comments that a blank line sets
// apart (a licence, not the doc comment of the first declaration).
uint32_t PreambleEnd(TSNode root, std::string_view text, std::optional<TSNode> guard) {
  if (guard) return LineEndOf(text, ts_node_end_byte(ts_node_named_child(*guard, 1)));
  uint32_t end = 0;
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode node = ts_node_named_child(root, i);
    std::string_view type = ts_node_type(node);
    uint32_t node_end = ts_node_end_byte(node), line_end = LineEndOf(text, node_end);
    if (type == "preproc_call" &&
        Trim(NodeText(ts_node_child_by_field_name(node, "argument", 8), text)) == "once" &&
        Trim(NodeText(ts_node_child_by_field_name(node, "directive", 9), text)) == "#pragma") {
      return line_end;
    }
    // A comment with code after it on its line ends no preamble.
    if (type != "comment" || !Trim(text.substr(node_end, line_end - node_end)).empty()) break;
    if (BlankLineAt(text, line_end)) end = line_end;
  }
  return end;
}

CppFile ScanCppFile(std::string_view language, std::string_view text) {
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage(language), text);
  TSNode root = tree.root();
  std::optional<TSNode> guard = IncludeGuard(root, text);
  CppFile file{{}, PreambleEnd(root, text, guard)};
  WalkTree(root, [&](TSNode node) {
    if (std::string_view(ts_node_type(node)) != "preproc_include") return Walk::kDescend;
    if (std::optional<Header> header = HeaderOf(node, text)) {
      TSNode parent = ts_node_parent(node);
      bool top_level = ts_node_eq(parent, root) || (guard && ts_node_eq(parent, *guard));
      file.includes.push_back(Include{*header, LineStartOf(text, ts_node_start_byte(node)),
                                      LineEndOf(text, ts_node_end_byte(node)), top_level});
    }
    return Walk::kSkipChildren;
  });
  return file;
}

std::vector<IncludeBlock> IncludeBlocks(const CppFile& file) {
  std::vector<IncludeBlock> blocks;
  const Include* last = nullptr;
  for (const Include& include : file.includes) {
    if (!include.top_level) continue;
    if (!last || include.begin != last->end || include.header.angle != last->header.angle) {
      blocks.emplace_back();
    }
    blocks.back().push_back(&include);
    last = &include;
  }
  return blocks;
}

// The group a header sorts with in common layouts (Google, LLVM): C system
// headers (`<stdio.h>`) apart from C++ ones (`<memory>`), project headers by
// their top directory.
std::string GroupOf(const Header& h) {
  if (h.angle) return h.name.find('.') == std::string::npos ? "<>" : "<.h>";
  return h.name.substr(0, std::min(h.name.size(), h.name.find('/')));
}

// The block of `header`'s kind with the most headers of its group, then the
// most headers; the later one on a tie, since a file's first block is often
// only its own header.
const IncludeBlock* BestBlock(const std::vector<IncludeBlock>& blocks, const Header& header) {
  const IncludeBlock* best = nullptr;
  std::pair<size_t, size_t> best_score;
  for (const IncludeBlock& block : blocks) {
    if (block.front()->header.angle != header.angle) continue;
    std::pair<size_t, size_t> score{
        std::count_if(block.begin(), block.end(),
                      [&](const Include* i) { return GroupOf(i->header) == GroupOf(header); }),
        block.size()};
    if (!best || score >= best_score) {
      best = &block;
      best_score = score;
    }
  }
  return best;
}

// Where `header` goes in `block`: in sorted place when the block is
// sorted, else after its last line.
uint32_t OffsetInBlock(const IncludeBlock& block, const Header& header) {
  auto by_name = [](const Include* a, const Include* b) { return a->header.name < b->header.name; };
  if (std::is_sorted(block.begin(), block.end(), by_name)) {
    for (const Include* include : block) {
      if (include->header.name > header.name) return include->begin;
    }
  }
  return block.back()->end;
}

// `added` with the file's line ending: a CRLF file stays CRLF.
std::string InFileLineEnding(std::string_view text, std::string added) {
  size_t nl = text.find('\n');
  if (nl == std::string_view::npos || nl == 0 || text[nl - 1] != '\r') return added;
  for (size_t at = added.find('\n'); at != std::string::npos; at = added.find('\n', at + 2)) {
    added.insert(at, 1, '\r');
  }
  return added;
}

// `lines` as a block of their own at `at`, blank lines around them.
std::string SeparatedBlock(std::string_view text, uint32_t at, const std::string& lines) {
  return (at > 0 ? "\n" : "") + lines + (BlankLineAt(text, at) ? "" : "\n");
}

// Entries are headers (see ParseHeaderEntry). A header is matched under
// either spelling and inside any `#if`: `"x.h"` and `<x.h>` usually find
// the same file, and adding it again would only duplicate it.
std::vector<Edit> CppIncludeEdits(std::string_view language, std::string_view text,
                                  const ImportChanges& changes) {
  CppFile file = ScanCppFile(language, text);
  std::vector<IncludeBlock> blocks = IncludeBlocks(file);
  auto present = [&](const Header& h) {
    return std::any_of(file.includes.begin(), file.includes.end(),
                       [&](const Include& i) { return i.header.name == h.name; });
  };
  std::map<uint32_t, std::string> inserts;  // merged: EditSet refuses two at one point
  std::string new_angle, new_quoted;
  for (const Header& header : ParseHeaderEntries(changes.add)) {
    if (present(header)) continue;
    if (const IncludeBlock* block = BestBlock(blocks, header)) {
      inserts[OffsetInBlock(*block, header)] += IncludeText(header);
    } else {
      (header.angle ? new_angle : new_quoted) += IncludeText(header);
    }
  }
  if (!new_angle.empty() || !new_quoted.empty()) {
    uint32_t at = blocks.empty() ? file.preamble_end : blocks.back().back()->end;
    std::string gap = !new_angle.empty() && !new_quoted.empty() ? "\n" : "";
    inserts[at] += SeparatedBlock(text, at, new_angle + gap + new_quoted);
  }
  std::vector<Edit> edits;
  for (auto& [at, lines] : inserts) {
    if (at == text.size() && at > 0 && text.back() != '\n') lines = "\n" + lines;
    edits.push_back(Edit{{at, at}, InFileLineEnding(text, lines), -1});
  }
  for (const Header& header : ParseHeaderEntries(changes.remove)) {
    for (const Include& include : file.includes) {
      if (include.header.name != header.name) continue;
      edits.push_back(Edit{{include.begin, include.end}, "", -1});
    }
  }
  return edits;
}

}  // namespace

std::vector<Edit> PlanImportEdits(std::string_view language, std::string_view text,
                                  const ImportChanges& changes) {
  if (language == "python") return PythonImportEdits(text, changes);
  if (language == "go") return GoImportEdits(text, changes);
  if (IsJs(language)) return JsImportEdits(text, changes);
  if (language == "java") return JavaImportEdits(text, changes);
  if (language == "c" || language == "cpp") return CppIncludeEdits(language, text, changes);
  return {};
}

}  // namespace uprev
