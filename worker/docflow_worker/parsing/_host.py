"""The parser host: a warm process that forks one sandboxed child per document.

Started once per calling process by ``_sandbox``. Heavy imports (pypdfium2, Pillow) are
paid here once; each request forks a child that sets its resource limits, parses, and
streams JSON lines on the protocol pipe. The host then reports how the child ended.

Protocol (one JSON object per line):
  caller -> host: {"path", "mime_type", "max_pages", "max_pixels", "timeout_s", "memory_mb"}
                  to parse (a PDF: "preview": [width, max_height] adds its first page's image
                  after a {"type": "parsed"} marker), or {"op": "preview", "path", "width",
                  "max_height", "timeout_s", "memory_mb"} to render a PDF's first page only
  host -> caller: {"type": "ready"} once; per request any number of {"type": "page", ...},
                  at most one {"type": "error", "message"}, then {"type": "done"} from the
                  child, and always {"type": "exit", "code" | "signal"} from the host. A
                  render sends {"type": "preview", ...} or {"type": "preview_error", ...}.
"""

from __future__ import annotations

import json
import math
import os
import resource
import signal
import sys
import traceback
from typing import Any


def _write(fd: int, message: dict[str, Any]) -> None:
    data = (json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _child(fd: int, request: dict[str, Any]) -> None:
    from docflow_worker.parsing import _engine

    memory = int(request["memory_mb"]) * 1024 * 1024
    cpu = int(math.ceil(float(request["timeout_s"]))) + 1
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 2))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXCPU, signal.SIG_DFL)

    def emit(message: dict[str, Any]) -> None:
        _write(fd, message)

    try:
        if request.get("op") == "preview":
            _engine.render_preview(
                request["path"], int(request["width"]), int(request["max_height"]), emit
            )
        elif request["mime_type"] == "application/pdf":
            preview = request.get("preview")
            _engine.parse_pdf(
                request["path"],
                int(request["max_pages"]),
                int(request["max_pixels"]),
                emit,
                (int(preview[0]), int(preview[1])) if preview else None,
            )
        else:
            _engine.parse_image(
                request["path"], int(request["max_pages"]), int(request["max_pixels"]), emit
            )
    except _engine.UserFacingError as exc:
        emit({"type": "error", "message": str(exc)})
    except MemoryError:
        emit(
            {
                "type": "error",
                "message": (
                    f"The document needs more memory than the {request['memory_mb']} MB limit "
                    "(possibly a decompression bomb)"
                ),
            }
        )
    except RecursionError:
        emit({"type": "error", "message": "The document structure is too deeply nested"})
    except Exception as exc:  # anything else is still the file's fault, reported plainly
        traceback.print_exc(file=sys.stderr)
        detail = str(exc).strip()[:200]
        emit(
            {
                "type": "error",
                "message": f"The file cannot be parsed ({type(exc).__name__}: {detail})",
            }
        )
    emit({"type": "done"})


def main() -> None:
    # Keep the protocol pipe private: stray prints from libraries go to stderr instead.
    fd = os.dup(1)
    os.dup2(2, 1)
    import facturx  # noqa: F401
    import PIL.Image  # noqa: F401  (warm imports shared by every forked child)
    import PIL.JpegImagePlugin  # noqa: F401
    import PIL.PngImagePlugin  # noqa: F401
    import PIL.TiffImagePlugin  # noqa: F401
    import PIL.WebPImagePlugin  # noqa: F401  (first-page previews)
    import pypdfium2  # noqa: F401

    from docflow_worker.parsing import _engine, _ocr  # noqa: F401

    _ocr.installed_languages()
    _engine.warm_up_preview()
    _write(fd, {"type": "ready"})
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                _child(fd, request)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            _write(fd, {"type": "exit", "signal": os.WTERMSIG(status)})
        else:
            _write(fd, {"type": "exit", "code": os.WEXITSTATUS(status)})


if __name__ == "__main__":
    main()
