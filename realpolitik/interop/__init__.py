"""realpolitik.interop: GDELT/ICEWS imports and exports."""
