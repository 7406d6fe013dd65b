"""oplan-xl: build the annual operational plan (แผนการดำเนินงาน) of a Thai local
government organisation from the departments' Excel submissions."""

__version__ = "0.1.0"
