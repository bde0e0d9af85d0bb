// ImportBinding: a name a file's imports bind to a qualified symbol
// (`import numpy as np` binds np to numpy). Detectors find them; rewriters
// use them to write a fix's qualified names the way the file does.
#ifndef UPREV_CORE_IMPORT_BINDING_H_
#define UPREV_CORE_IMPORT_BINDING_H_

#include <string>

namespace uprev {

struct ImportBinding {
  std::string name;       // the local name: "np", "datetime"
  std::string qualified;  // what it stands for: "numpy", "datetime.datetime"
  std::string from;       // for `from M import x`: "M"; empty for `import M`
};

}  // namespace uprev

#endif  // UPREV_CORE_IMPORT_BINDING_H_
