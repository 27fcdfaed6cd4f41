"""Turn analysis results (dates, numpy numbers, NaN) into strict JSON."""
from __future__ import annotations

import datetime as dt
import decimal
import json
import math
from typing import Any

from fastapi.responses import JSONResponse


def plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set)):
        return [plain(x) for x in v]
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else None  # NaN/inf are not JSON
    if isinstance(v, int):
        return v
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
    if hasattr(v, "item"):  # numpy scalars
        return plain(v.item())
    if hasattr(v, "tolist"):  # numpy arrays
        return plain(v.tolist())
    if hasattr(v, "to_dict"):
        return plain(v.to_dict())
    return str(v)


def dumps(v: Any) -> str:
    return json.dumps(plain(v), ensure_ascii=False, allow_nan=False)


class Json(JSONResponse):
    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")
