@echo off
chcp 65001 >nul
cd /d "%~dp0"
rem Installs oplan-xl into .venv beside this file: double-click once after unpacking.
echo กำลังติดตั้งโปรแกรมแผน ใช้อินเทอร์เน็ต 1-2 นาที / installing oplan-xl...
where py >nul 2>nul
if errorlevel 1 (
  python -m venv .venv
) else (
  py -m venv .venv
)
if not exist ".venv\Scripts\python.exe" (
  echo ไม่พบ Python ให้ติดตั้ง Python จาก python.org ก่อน แล้วดับเบิลคลิกไฟล์นี้อีกครั้ง
  echo Python was not found: install it from python.org, then run this file again.
  pause
  exit /b 1
)
".venv\Scripts\python.exe" -m pip install --disable-pip-version-check .
if errorlevel 1 (
  echo ติดตั้งไม่สำเร็จ ดูข้อความด้านบน แล้วลองใหม่ / the install failed, see above.
  pause
  exit /b 1
)
echo.
echo ติดตั้งเสร็จแล้ว ดับเบิลคลิก เปิดโปรแกรมแผน.cmd เพื่อเริ่มใช้งาน
echo Done: double-click เปิดโปรแกรมแผน.cmd to start.
pause
