"""Command line: python -m fearless_charts enable|disable|where.

``enable`` writes the jupyter_server_config.d file that turns the extension
on for this Python environment (jupyter's own ``server extension enable``
refuses an extension that no config file names yet). ``where`` prints the
library the extension would serve.
"""

import json
import sys
from pathlib import Path

from . import candidates, find_library

CONFIG = Path(sys.prefix, "etc", "jupyter", "jupyter_server_config.d", "fearless_charts.json")


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "enable":
        CONFIG.parent.mkdir(parents=True, exist_ok=True)
        CONFIG.write_text(json.dumps({"ServerApp": {"jpserver_extensions": {"fearless_charts": True}}}, indent=2) + "\n")
        print(f"fearless_charts: enabled in {CONFIG}")
    elif cmd == "disable":
        CONFIG.unlink(missing_ok=True)
        print(f"fearless_charts: disabled (removed {CONFIG})")
    elif cmd == "where":
        found = find_library()
        if found is None:
            print("fearless_charts: echarts.min.js not found; tried: " + ", ".join(map(str, candidates())), file=sys.stderr)
            return 1
        print(found)
    else:
        print("usage: python -m fearless_charts enable|disable|where", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
