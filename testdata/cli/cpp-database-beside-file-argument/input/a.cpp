// The database beside a file named on the command line is found.
int* p = 0;
