#include "reports/run_report.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

constexpr const char* kRun = "20240501-120000-ab12";

Finding MakeFinding(std::string rule, std::string pack, Confidence confidence, std::string path,
                    Position start, Position end) {
  Finding f;
  f.rule = std::move(rule);
  f.pack = std::move(pack);
  f.confidence = confidence;
  f.path = std::move(path);
  f.start = start;
  f.end = end;
  return f;
}

// `python-3.12`, `numpy-2` (dropped: its verification failed) and `review`.
std::vector<ChangeSetReport> SampleChangeSets() {
  ChangeSetReport python;
  python.name = "python-3.12";
  python.branch = std::string("uprev/") + kRun + "/python-3.12";
  python.commit = "1111111111111111111111111111111111111111";
  python.files = {"src/app.py", "src/util.py"};
  python.fixes = {{"typing-deprecated-alias", 3}, {"unittest-assert-alias", 1}};
  python.packs = {"python-3.12"};
  python.verification = "passed";
  python.verify_output = "collected 12 items\n12 passed in 0.51s\n";

  ChangeSetReport numpy;
  numpy.name = "numpy-2";
  numpy.commit = "2222222222222222222222222222222222222222";
  numpy.files = {"src/calc.py"};
  numpy.fixes = {{"numpy-float-alias", 2}};
  numpy.packs = {"numpy-2"};
  numpy.verification = "failed";
  numpy.verify_exit = 1;
  numpy.verify_output =
      "collected 12 items\n"
      "FAILED tests/test_calc.py::test_total - TypeError\n"
      "1 failed, 11 passed\n";
  numpy.dropped = "verification failed (exit 1)";
  numpy.idempotent = false;
  numpy.validation_notes = {"src/calc.py: fixing again changes 1 place"};

  ChangeSetReport review;
  review.name = "review";
  review.review = true;
  review.branch = std::string("uprev/") + kRun + "/review";
  review.commit = "3333333333333333333333333333333333333333";
  review.files = {"src/app.py", "web/client.py"};
  review.fixes = {{"datetime-utcnow", 2}};
  review.packs = {"python-3.12"};
  review.verification = "passed";
  return {python, numpy, review};
}

// Two change sets (`numpy-2` dropped: its verification failed) and the
// review set; three review items for @alice, @acme/web_team and nobody, the
// last a manual finding without a fix.
RunReport SampleReport() {
  RunReport r;
  r.id = kRun;
  r.repo = "/src/shop";
  r.base = "0123456789abcdef0123456789abcdef01234567";
  r.base_ref = "refs/heads/main";
  r.time = 1714564800;
  r.split = "pack";
  r.verify = "make test";
  r.packs = {{"numpy-2", "sha256:bb22"}, {"python-3.12", "sha256:aa11"}};
  r.change_sets = SampleChangeSets();

  Finding utcnow = MakeFinding("datetime-utcnow", "python-3.12", Confidence::kReview, "src/app.py",
                               {4, 12}, {4, 29});
  utcnow.message = "datetime.utcnow() is deprecated since 3.12";
  utcnow.review = "the result becomes timezone-aware: compare only with aware times";
  utcnow.range = {48, 65};
  utcnow.matched = "datetime.utcnow()";
  utcnow.fix = Fix{"datetime.now(timezone.utc)", {{"datetime:timezone"}, {}}};
  ReviewItem alice{utcnow, "@alice",
                   "--- a/src/app.py\n+++ b/src/app.py\n@@ -1,4 +1,4 @@\n"
                   "-from datetime import datetime\n+from datetime import datetime, timezone\n"
                   " def stamp():\n"
                   "     # now\n"
                   "-    return datetime.utcnow()\n+    return datetime.now(timezone.utc)\n"};

  Finding fv = MakeFinding("numpy-financial-removed", "numpy-2", Confidence::kManual, "src/calc.py",
                           {12, 5}, {13, 20});
  fv.severity = Severity::kError;
  fv.message = "np.fv was removed in NumPy 2; use numpy_financial.fv";
  fv.range = {210, 251};
  fv.matched = "np.fv(rate, n,\n    pmt, pv)";
  ReviewItem unowned{fv, "", ""};

  Finding client = utcnow;
  client.path = "web/client.py";
  client.start = {7, 9};
  client.end = {7, 26};
  client.range = {120, 137};
  client.review = "";
  ReviewItem web{client, "@acme/web_team",
                 "--- a/web/client.py\n+++ b/web/client.py\n@@ -7 +7 @@\n"
                 "-    t = datetime.utcnow()\n+    t = datetime.now(timezone.utc)\n"};
  r.review_items = {alice, unowned, web};

  Finding alias = MakeFinding("numpy-float-alias", "numpy-2", Confidence::kSafe, "src/calc.py",
                              {3, 9}, {3, 18});
  alias.message = "np.float_ is removed in NumPy 2";
  alias.range = {30, 39};
  alias.matched = "np.float_";
  alias.fix = Fix{"np.float64", {}};
  r.findings = {utcnow, alias, fv, client};
  r.stats.files = 4;
  r.stats.bytes = 2048;
  r.stats.seconds = 0.25;
  r.stats.skipped = {{"data/blob.py", "binary"}};
  return r;
}

// A run whose paths, diff and output hold `|`, backtick runs and Markdown
// markup, to check that none of it breaks out of its code span or block.
RunReport TrickyReport() {
  RunReport r;
  r.id = "r1";
  r.base = "abc";
  r.split = "none";
  ChangeSetReport all;
  all.name = "all";
  all.branch = "uprev/r1/all";
  all.commit = "c0ffee";
  all.verification = "failed";
  all.verify_exit = 2;
  for (int i = 1; i <= 22; ++i) all.verify_output += "line " + std::to_string(i) + "\n";
  all.verify_output += "| a | b |\n````\nend";
  all.validation_notes = {"a|b.py: <b>not</b> *idempotent*", "1. first", "  - second"};
  r.change_sets = {all};
  Finding f = MakeFinding("x-rule", "p|`q`", Confidence::kReview, "src/a|b `c`.py", {1, 1}, {1, 2});
  f.message = "use `new` | not *old* [link](x) <b>";
  f.review = "_why_ & $x$";
  ReviewItem item{f, "@o_k",
                  "--- a/src/a|b `c`.py\n+++ b/src/a|b `c`.py\n@@ -1 +1 @@\n"
                  "-x = \"```\" | 1\n+x = \"````\" | 2\n"};
  r.review_items = {item};
  return r;
}

// A run with one safe change set and nothing to review, without --verify.
RunReport CleanReport() {
  RunReport r;
  r.id = "r2";
  r.base = "abc";
  r.base_ref = "refs/heads/main";
  r.split = "rule";
  r.packs = {{"go-ioutil", "h"}};
  ChangeSetReport set;
  set.name = "ioutil-readall";
  set.branch = "uprev/r2/ioutil-readall";
  set.commit = "c1";
  set.files = {"main.go"};
  set.fixes = {{"ioutil-readall", 1}};
  set.packs = {"go-ioutil"};
  r.change_sets = {set};
  return r;
}

// The clean run with a finding with a fix, a manual one, and stats.
RunReport JsonReport() {
  RunReport r = CleanReport();
  r.time = 1714564800;
  Finding f =
      MakeFinding("ioutil-readall", "go-ioutil", Confidence::kSafe, "main.go", {3, 7}, {3, 24});
  f.message = "ioutil.ReadAll is deprecated";
  f.range = {40, 57};
  f.matched = "ioutil.ReadAll(r)";
  f.fix = Fix{"io.ReadAll(r)", {{"io"}, {"io/ioutil"}}};
  Finding manual = f;
  manual.confidence = Confidence::kManual;
  manual.severity = Severity::kInfo;
  manual.review = "no fix";
  manual.fix.reset();
  r.findings = {f};
  r.review_items = {{manual, "@go-team", ""}};
  r.stats.files = 1;
  r.stats.bytes = 90;
  r.stats.seconds = 0.125;
  r.stats.skipped = {{"x.bin", "binary"}};
  r.stats.units = 2;
  r.stats.units_parsed = 1;
  return r;
}

TEST(RunReportTest, ReviewQueueMarkdown) {
  EXPECT_EQ(RenderReviewQueueMarkdown(SampleReport()),
            R"md(# Review queue: run `20240501-120000-ab12`

Repository `/src/shop`, base `0123456789ab` (`refs/heads/main`), started 2024-05-01T12:00:00Z; split by pack; verification: `make test`.

The suggested fixes are on the branch `uprev/20240501-120000-ab12/review`.

3 review items: 2 suggested fixes and 1 finding without a fix.

| owner | review items |
| --- | ---: |
| @acme/web\_team | 1 |
| @alice | 1 |
| unowned | 1 |

| pack | review items |
| --- | ---: |
| `numpy-2` | 1 |
| `python-3.12` | 2 |

| rule | review items |
| --- | ---: |
| `datetime-utcnow` | 2 |
| `numpy-financial-removed` | 1 |

## @acme/web\_team (1)

### 1. `web/client.py:7`

- rule: `datetime-utcnow` (pack `python-3.12`), warning
- confidence: review
- reason: (none given)
- message: datetime.utcnow() is deprecated since 3.12

```diff
--- a/web/client.py
+++ b/web/client.py
@@ -7 +7 @@
-    t = datetime.utcnow()
+    t = datetime.now(timezone.utc)
```

## @alice (1)

### 2. `src/app.py:4`

- rule: `datetime-utcnow` (pack `python-3.12`), warning
- confidence: review
- reason: the result becomes timezone-aware: compare only with aware times
- message: datetime.utcnow() is deprecated since 3.12

```diff
--- a/src/app.py
+++ b/src/app.py
@@ -1,4 +1,4 @@
-from datetime import datetime
+from datetime import datetime, timezone
 def stamp():
     # now
-    return datetime.utcnow()
+    return datetime.now(timezone.utc)
```

## unowned (1)

### 3. `src/calc.py:12-13`

- rule: `numpy-financial-removed` (pack `numpy-2`), error
- confidence: manual
- reason: (none given)
- message: np.fv was removed in NumPy 2; use numpy\_financial.fv

No suggested fix: change it by hand. The code found:

```text
np.fv(rate, n,
    pmt, pv)
```

)md");
}

TEST(RunReportTest, MigrationPlan) {
  EXPECT_EQ(RenderMigrationPlan(SampleReport()), R"md(# Migration plan: run `20240501-120000-ab12`

Repository `/src/shop`, base `0123456789ab` (`refs/heads/main`), started 2024-05-01T12:00:00Z; split by pack; verification: `make test`.

## Summary

- 4 safe edits on 1 change set; 1 change set with 2 edits dropped (verification failed).
- 2 review-level edits on the review set.
- 3 review items (2 suggested fixes, 1 without a fix).
- 4 findings at the base.
- Risk: high for `numpy-2`, medium for `python-3.12`.

## Change sets

| change set | branch | files | edits | verification |
| --- | --- | ---: | ---: | --- |
| `python-3.12` | `uprev/20240501-120000-ab12/python-3.12` | 2 | 4 | passed |
| `numpy-2` | dropped | 1 | 2 | failed |
| `review` (review) | `uprev/20240501-120000-ab12/review` | 2 | 2 | passed |

### `python-3.12`

Branch `uprev/20240501-120000-ab12/python-3.12`, commit `1111111111111111111111111111111111111111`.

2 files:

- `src/app.py`
- `src/util.py`

| rule | edits |
| --- | ---: |
| `typing-deprecated-alias` | 3 |
| `unittest-assert-alias` | 1 |

### `numpy-2`

No branch: verification failed (exit 1). None of its edits land.

1 file:

- `src/calc.py`

| rule | edits |
| --- | ---: |
| `numpy-float-alias` | 2 |

### `review` (review)

Branch `uprev/20240501-120000-ab12/review`, commit `3333333333333333333333333333333333333333`.

2 files:

- `src/app.py`
- `web/client.py`

| rule | edits |
| --- | ---: |
| `datetime-utcnow` | 2 |

## Edits per pack

| pack | safe edits | review edits | dropped edits | review items | without a fix | risk |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
| `numpy-2` | 0 | 0 | 2 | 1 | 1 | high |
| `python-3.12` | 4 | 2 | 0 | 2 | 0 | medium |

## Edits per rule

| rule | pack | safe edits | review edits | dropped edits | review items | without a fix |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
| `datetime-utcnow` | `python-3.12` | 0 | 2 | 0 | 2 | 0 |
| `numpy-financial-removed` | `numpy-2` | 0 | 0 | 0 | 1 | 1 |
| `numpy-float-alias` | `numpy-2` | 0 | 0 | 2 | 0 | 0 |
| `typing-deprecated-alias` | `python-3.12` | 3 | 0 | 0 | 0 | 0 |
| `unittest-assert-alias` | `python-3.12` | 1 | 0 | 0 | 0 | 0 |

Review items include findings without a fix and demoted fixes.

## Risk per pack

- **high**: a change set with fixes of the pack failed verification, re-parse or idempotence, or the pack has findings without a fix;
- **medium**: not high, and the pack has review items (review-level or demoted fixes) for a human to decide;
- **low**: only safe fixes, and every change set with them re-parsed, is idempotent and passed the `--verify` command (when one was given).

| pack | risk | why |
| --- | --- | --- |
| `numpy-2` | high | verification failed in `numpy-2`; not idempotent in `numpy-2`; 1 finding without a fix |
| `python-3.12` | medium | 2 review items |

## Review effort

3 review items in 3 files, for 2 owners and unowned files: about 9 minutes.

The estimate assumes 2 minutes per suggested fix (read the diff, accept or reject it) and 5 minutes per finding without a fix (make the change by hand). Safe change sets are reviewed like any pull request and are not counted.

| owner | review items | without a fix | files | minutes |
| --- | ---: | ---: | ---: | ---: |
| @acme/web\_team | 1 | 0 | 1 | 2 |
| @alice | 1 | 0 | 1 | 2 |
| unowned | 1 | 1 | 1 | 5 |
)md");
}

TEST(RunReportTest, ValidationReport) {
  EXPECT_EQ(RenderValidationReport(SampleReport()),
            R"md(# Validation report: run `20240501-120000-ab12`

**1 of 3 change sets failed**: `numpy-2`.

Repository `/src/shop`, base `0123456789ab` (`refs/heads/main`), started 2024-05-01T12:00:00Z; split by pack; verification: `make test`.

Each change set is checked three ways: **re-parse** (every fixed file still parses, with no more syntax errors than before), **idempotence** (fixing the result again changes nothing) and **verification** (the `--verify` command on the change set's tree; a failing change set's branch is deleted).

| change set | re-parse | idempotence | verification | exit code |
| --- | --- | --- | --- | ---: |
| `python-3.12` | passed | passed | passed | 0 |
| `numpy-2` | passed | failed | failed | 1 |
| `review` | passed | passed | passed | 0 |

## `python-3.12`

- re-parse: passed
- idempotence: passed
- verification: passed (exit code 0)

The last lines of the verification output (at most 20):

```text
collected 12 items
12 passed in 0.51s
```

## `numpy-2`

- re-parse: passed
- idempotence: failed
- verification: failed (exit code 1)
- dropped: verification failed (exit 1)

Notes:

- src/calc.py: fixing again changes 1 place

The last lines of the verification output (at most 20):

```text
collected 12 items
FAILED tests/test_calc.py::test_total - TypeError
1 failed, 11 passed
```

## `review`

- re-parse: passed
- idempotence: passed
- verification: passed (exit code 0)

The verification printed nothing.

)md");
}

TEST(RunReportTest, RollbackPlan) {
  EXPECT_EQ(RenderRollbackPlan(SampleReport()), R"md(# Rollback plan: run `20240501-120000-ab12`

Repository `/src/shop`, base `0123456789ab` (`refs/heads/main`), started 2024-05-01T12:00:00Z; split by pack; verification: `make test`.

Each change set is one commit whose only parent is the base, on its own branch, so each can be dropped or undone alone. `uprev status` shows which are merged into HEAD.

## The whole run

Before merging, delete every branch of the run (the tips stay in the run record):

```sh
git for-each-ref --format='%(refname:short)' 'refs/heads/uprev/20240501-120000-ab12/' | xargs -r git branch -D
```

After merging some of them, this deletes the branches of the unmerged ones and reverts, on the current branch, each one merged into HEAD:

```sh
uprev revert 20240501-120000-ab12
```

## Undoing a merged change set with plain git

`uprev revert RUN/SET` makes a revert commit of the change set's commit on the current branch (clean working tree required). With git alone: if the branch was merged with a merge commit, `git revert -m 1 <merge-commit>` reverts that merge, keeping its first parent (the branch merged into) as the mainline; the merge is the commit whose second parent is the change set's commit (`git rev-list --merges --parents <commit>..HEAD` lists it as `<merge> <parent> <commit>`). If it was fast-forwarded, `git revert <commit>` reverts the change set's own commit. If it was cherry-picked or squashed, the commit has another id: find it with `git log --grep='^Uprev-Run: RUN$'` and revert that.

## `python-3.12`

Branch `uprev/20240501-120000-ab12/python-3.12`, commit `1111111111111111111111111111111111111111`.

```sh
# before merging: drop it
git branch -D uprev/20240501-120000-ab12/python-3.12
# after merging: undo it on the current branch
uprev revert 20240501-120000-ab12/python-3.12
# the same with plain git, after a merge commit:
git revert -m 1 "$(git rev-list --merges --parents 1111111111111111111111111111111111111111..HEAD | awk '$3 == "1111111111111111111111111111111111111111" { print $1 }')"
# after a fast-forward:
git revert 1111111111111111111111111111111111111111
```

## `numpy-2`

Dropped: verification failed (exit 1). It has no branch and nothing of it can have been merged: there is nothing to roll back. Its commit was `2222222222222222222222222222222222222222`.

## `review` (review)

Branch `uprev/20240501-120000-ab12/review`, commit `3333333333333333333333333333333333333333`.

```sh
# before merging: drop it
git branch -D uprev/20240501-120000-ab12/review
# after merging: undo it on the current branch
uprev revert 20240501-120000-ab12/review
# the same with plain git, after a merge commit:
git revert -m 1 "$(git rev-list --merges --parents 3333333333333333333333333333333333333333..HEAD | awk '$3 == "3333333333333333333333333333333333333333" { print $1 }')"
# after a fast-forward:
git revert 3333333333333333333333333333333333333333
```

)md");
}

TEST(RunReportTest, MarkdownKeepsPipesAndBackticksInCode) {
  RunReport r = TrickyReport();
  EXPECT_EQ(RenderReviewQueueMarkdown(r), R"md(# Review queue: run `r1`

Repository (none), base `abc`, started 1970-01-01T00:00:00Z; split by none; verification: none.

1 review item: 1 suggested fix and 0 findings without a fix.

| owner | review items |
| --- | ---: |
| @o\_k | 1 |

| pack | review items |
| --- | ---: |
| `` p\|`q` `` | 1 |

| rule | review items |
| --- | ---: |
| `x-rule` | 1 |

## @o\_k (1)

### 1. ``src/a|b `c`.py:1``

- rule: `x-rule` (pack `` p|`q` ``), warning
- confidence: review
- reason: \_why\_ \& \$x\$
- message: use \`new\` \| not \*old\* \[link\](x) \<b\>

`````diff
--- a/src/a|b `c`.py
+++ b/src/a|b `c`.py
@@ -1 +1 @@
-x = "```" | 1
+x = "````" | 2
`````

)md");
  EXPECT_EQ(RenderValidationReport(r), R"md(# Validation report: run `r1`

**1 of 1 change set failed**: `all`.

Repository (none), base `abc`, started 1970-01-01T00:00:00Z; split by none; verification: none.

Each change set is checked three ways: **re-parse** (every fixed file still parses, with no more syntax errors than before), **idempotence** (fixing the result again changes nothing) and **verification** (the `--verify` command on the change set's tree; a failing change set's branch is deleted).

| change set | re-parse | idempotence | verification | exit code |
| --- | --- | --- | --- | ---: |
| `all` | passed | passed | failed | 2 |

## `all`

- re-parse: passed
- idempotence: passed
- verification: failed (exit code 2)

Notes:

- a\|b.py: \<b\>not\</b\> \*idempotent\*
- 1\. first
- \- second

The last lines of the verification output (at most 20):

`````text
line 6
line 7
line 8
line 9
line 10
line 11
line 12
line 13
line 14
line 15
line 16
line 17
line 18
line 19
line 20
line 21
line 22
| a | b |
````
end
`````

)md");
}

TEST(RunReportTest, LowRiskRunWithNothingToReview) {
  RunReport r = CleanReport();
  EXPECT_EQ(RenderMigrationPlan(r), R"md(# Migration plan: run `r2`

Repository (none), base `abc` (`refs/heads/main`), started 1970-01-01T00:00:00Z; split by rule; verification: none.

## Summary

- 1 safe edit on 1 change set.
- No review items.
- 0 findings at the base.
- Risk: low for `go-ioutil`.

## Change sets

| change set | branch | files | edits | verification |
| --- | --- | ---: | ---: | --- |
| `ioutil-readall` | `uprev/r2/ioutil-readall` | 1 | 1 | not run |

### `ioutil-readall`

Branch `uprev/r2/ioutil-readall`, commit `c1`.

1 file:

- `main.go`

| rule | edits |
| --- | ---: |
| `ioutil-readall` | 1 |

## Edits per pack

| pack | safe edits | review edits | dropped edits | review items | without a fix | risk |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
| `go-ioutil` | 1 | 0 | 0 | 0 | 0 | low |

## Edits per rule

| rule | pack | safe edits | review edits | dropped edits | review items | without a fix |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
| `ioutil-readall` | `go-ioutil` | 1 | 0 | 0 | 0 | 0 |

Review items include findings without a fix and demoted fixes.

## Risk per pack

- **high**: a change set with fixes of the pack failed verification, re-parse or idempotence, or the pack has findings without a fix;
- **medium**: not high, and the pack has review items (review-level or demoted fixes) for a human to decide;
- **low**: only safe fixes, and every change set with them re-parsed, is idempotent and passed the `--verify` command (when one was given).

| pack | risk | why |
| --- | --- | --- |
| `go-ioutil` | low | only safe fixes, re-parsed and idempotent; no `--verify` |

## Review effort

No review items: nothing to review by hand.
)md");
  EXPECT_EQ(RenderReviewQueueMarkdown(r), R"md(# Review queue: run `r2`

Repository (none), base `abc` (`refs/heads/main`), started 1970-01-01T00:00:00Z; split by rule; verification: none.

Nothing to review.
)md");
}

TEST(RunReportTest, JsonHasEveryField) {
  EXPECT_EQ(RunReportToJson(JsonReport()), R"json({
  "version": 1,
  "id": "r2",
  "repo": "",
  "base": "abc",
  "base_ref": "refs/heads/main",
  "time": 1714564800,
  "split": "rule",
  "verify": "",
  "packs": [
    {
      "name": "go-ioutil",
      "hash": "h"
    }
  ],
  "change_sets": [
    {
      "name": "ioutil-readall",
      "review": false,
      "branch": "uprev/r2/ioutil-readall",
      "commit": "c1",
      "files": [
        "main.go"
      ],
      "fixes": {
        "ioutil-readall": 1
      },
      "packs": [
        "go-ioutil"
      ],
      "verification": "",
      "verify_exit": 0,
      "verify_output": "",
      "dropped": "",
      "reparsed": true,
      "idempotent": true,
      "validation_notes": []
    }
  ],
  "review_items": [
    {
      "finding": {
        "rule": "ioutil-readall",
        "pack": "go-ioutil",
        "severity": "info",
        "confidence": "manual",
        "message": "ioutil.ReadAll is deprecated",
        "review": "no fix",
        "path": "main.go",
        "range": {
          "begin": 40,
          "end": 57
        },
        "start": {
          "line": 3,
          "col": 7
        },
        "end": {
          "line": 3,
          "col": 24
        },
        "matched": "ioutil.ReadAll(r)",
        "fix": null
      },
      "owner": "@go-team",
      "diff": ""
    }
  ],
  "findings": [
    {
      "rule": "ioutil-readall",
      "pack": "go-ioutil",
      "severity": "warning",
      "confidence": "safe",
      "message": "ioutil.ReadAll is deprecated",
      "review": "",
      "path": "main.go",
      "range": {
        "begin": 40,
        "end": 57
      },
      "start": {
        "line": 3,
        "col": 7
      },
      "end": {
        "line": 3,
        "col": 24
      },
      "matched": "ioutil.ReadAll(r)",
      "fix": {
        "replacement": "io.ReadAll(r)",
        "imports": {
          "add": [
            "io"
          ],
          "remove": [
            "io/ioutil"
          ]
        }
      }
    }
  ],
  "stats": {
    "files": 1,
    "bytes": 90,
    "seconds": 0.125,
    "skipped": [
      {
        "path": "x.bin",
        "reason": "binary"
      }
    ],
    "units": 2,
    "units_parsed": 1
  }
}
)json");
}

TEST(RunReportTest, JsonRoundTrip) {
  for (const RunReport& r : {SampleReport(), TrickyReport(), CleanReport(), JsonReport()}) {
    std::string json = RunReportToJson(r);
    Result<RunReport> back = RunReportFromJson("report.json", json);
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(RunReportToJson(*back), json);
    EXPECT_EQ(RenderMigrationPlan(*back), RenderMigrationPlan(r));
  }
}

// The error of reading `text` as report.json.
std::string FromJsonError(const std::string& text) {
  Result<RunReport> r = RunReportFromJson("run/report.json", text);
  return r.ok() ? "(no error)" : r.status().message();
}

// report.json of the sample with `from` replaced by `to` (once).
std::string Broken(const std::string& from, const std::string& to) {
  std::string json = RunReportToJson(SampleReport());
  size_t at = json.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? json : json.replace(at, from.size(), to);
}

TEST(RunReportTest, FromJsonErrorsOnNotJson) {
  EXPECT_EQ(FromJsonError("not json"),
            "run/report.json:1:2: error: not valid JSON: syntax error while parsing value - "
            "invalid literal; last read: 'no'");
  EXPECT_EQ(FromJsonError(""),
            "run/report.json:1:1: error: not valid JSON: syntax error while parsing value - "
            "unexpected end of input; expected '[', '{', or a literal");
  EXPECT_EQ(FromJsonError("{\n  \"id\": \"r1\",\n  x\n}"),
            "run/report.json:3:3: error: not valid JSON: syntax error while parsing object key - "
            "invalid literal; last read: '\"r1\",<U+000A>  x'; expected string literal");
  EXPECT_EQ(FromJsonError("[1]"), "run/report.json:1:1: error: expected an object, got array");
}

TEST(RunReportTest, FromJsonErrorsOnMissingKeys) {
  EXPECT_EQ(FromJsonError("{\"version\": 1}"), "run/report.json:1:1: error: missing key \"id\"");
  EXPECT_EQ(FromJsonError("{}"), "run/report.json:1:1: error: missing key \"version\"");
  EXPECT_EQ(FromJsonError(Broken("\"name\": \"numpy-2\",\n      \"review\"", "\"review\"")),
            "run/report.json:1:1: error: change_sets[1]: missing key \"name\"");
  EXPECT_EQ(FromJsonError(Broken("\"fix\": null", "\"fixed\": null")),
            "run/report.json:1:1: error: review_items[1].finding: missing key \"fix\"");
}

TEST(RunReportTest, FromJsonErrorsOnBadValues) {
  EXPECT_EQ(FromJsonError(Broken("\"version\": 1", "\"version\": 2")),
            "run/report.json:1:1: error: version: unsupported version 2 (this uprev reads 1)");
  EXPECT_EQ(FromJsonError(Broken("\"verify_exit\": 1", "\"verify_exit\": \"1\"")),
            "run/report.json:1:1: error: change_sets[1].verify_exit: expected an integer, got "
            "string");
  EXPECT_EQ(FromJsonError(Broken("\"line\": 4", "\"line\": -4")),
            "run/report.json:1:1: error: review_items[0].finding.start.line: -4 is out of range "
            "(0 to 4294967295)");
  EXPECT_EQ(FromJsonError(Broken("\"severity\": \"warning\"", "\"severity\": \"fatal\"")),
            "run/report.json:1:1: error: review_items[0].finding.severity: unknown severity "
            "\"fatal\" (info, warning, error)");
  EXPECT_EQ(FromJsonError(Broken("\"files\": [", "\"files\": [7, ")),
            "run/report.json:1:1: error: change_sets[0].files[0]: expected a string, got number");
  EXPECT_EQ(FromJsonError(Broken("\"reparsed\": true", "\"reparsed\": 1")),
            "run/report.json:1:1: error: change_sets[0].reparsed: expected a boolean, got number");
}

}  // namespace
}  // namespace uprev
