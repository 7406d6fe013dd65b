@echo off
chcp 65001 >nul
cd /d "%~dp0"
rem Opens the plan's page in the browser (oplan serve); the page asks for the plan folder.
if not exist ".venv\Scripts\oplan.exe" (
  echo ยังไม่ได้ติดตั้ง ให้ดับเบิลคลิก ติดตั้งโปรแกรม.cmd ก่อน
  echo Not installed yet: double-click ติดตั้งโปรแกรม.cmd first.
  pause
  exit /b 1
)
".venv\Scripts\oplan.exe" serve
if errorlevel 1 pause
